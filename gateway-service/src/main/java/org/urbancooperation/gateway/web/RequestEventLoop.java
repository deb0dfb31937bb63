package org.urbancooperation.gateway.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

import io.netty.channel.EventLoop;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * The event loop of the connection a request came in on, and the way back to it.
 *
 * <p>Why: a filter that waits for work finishing on another thread (the identity provider's key set fetched by a
 * WebClient, a Redis round trip on Lettuce's threads, a timeout on the parallel scheduler) would otherwise go on
 * with the request, write the response and complete the exchange on that thread. Reactor Netty's server then
 * occasionally failed to read the next request on the same keep-alive connection: the client's following request
 * was never answered, with every thread idle (found by a test that alternated refused bearer tokens, whose key
 * set was fetched, with plain requests; it hung within a few hundred requests, and never after this). So every
 * such wait resumes on the request's own event loop, where Reactor Netty expects the exchange to end.
 */
public final class RequestEventLoop {

    private static final Map<EventLoop, Scheduler> SCHEDULERS = new ConcurrentHashMap<>();

    private RequestEventLoop() {
    }

    /** {@code work}, its signals delivered on the request's event loop (unchanged outside Reactor Netty). */
    public static <T> Mono<T> resumeOn(ServerWebExchange exchange, Mono<T> work) {
        return resumeOn(exchange.getRequest(), work);
    }

    /** {@code work}, its signals delivered on the event loop of the request's connection. */
    public static <T> Mono<T> resumeOn(ServerHttpRequest request, Mono<T> work) {
        EventLoop loop = of(request);
        return loop == null ? work : work.publishOn(SCHEDULERS.computeIfAbsent(loop, Schedulers::fromExecutor));
    }

    /** The event loop of the connection the request came in on, or null outside Reactor Netty. */
    public static @Nullable EventLoop of(ServerHttpRequest request) {
        Object nativeRequest;
        try {
            nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        } catch (IllegalArgumentException notReactorNetty) {
            return null;
        }
        return nativeRequest instanceof Connection connection ? connection.channel().eventLoop() : null;
    }
}
