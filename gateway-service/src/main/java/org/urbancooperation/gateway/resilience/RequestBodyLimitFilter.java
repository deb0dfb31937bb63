package org.urbancooperation.gateway.resilience;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.urbancooperation.gateway.web.GatewayRequestFilter;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over {@code ucp.http.max-request-body} (default 256KB, the services' limit too)
 * with 413 problem+json, by Content-Length when given, otherwise (chunked) by counting the bytes read.
 * An oversized body is still read and dropped up to 1 MiB past the limit before the answer, so that
 * the client, still sending, does not lose the answer to a connection reset; beyond that the
 * connection is closed at once. The routes with retries or a fallback keep the body in memory to replay it, so
 * this limit also bounds the gateway's memory per request.
 *
 * <p>A WebFilter rather than the gateway's RequestSize filter: that one reads only Content-Length and
 * answers with an empty body.
 */
@Component
public class RequestBodyLimitFilter implements GatewayRequestFilter {

    /** After the path guard and CORS, before authentication and rate limiting. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

    /** How much of an oversized body is still read (and dropped) so that the client gets the answer. */
    static final long DRAIN_ALLOWANCE = 1024 * 1024;

    private final long limit;
    private final GatewayProblems problems;

    public RequestBodyLimitFilter(@Value("${ucp.http.max-request-body:256KB}") DataSize limit, GatewayProblems problems) {
        this.limit = limit.toBytes();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        if (declared > limit) {
            // Read what the client is sending anyway (up to the drain allowance), then answer: closing on
            // unread data would reset the connection, and the client could lose the 413.
            Mono<Void> drained = declared <= limit + DRAIN_ALLOWANCE
                    ? exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).then()
                    : Mono.empty();
            return drained.onErrorComplete().then(Mono.defer(() -> reject(exchange)));
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong total = new AtomicLong();
                RequestBodyTooLargeException tooLarge = new RequestBodyTooLargeException(limit);
                // Past the limit, chunks are dropped until the body ends (then the error) or the drain
                // allowance is used up too (then the error at once).
                return super.getBody().<DataBuffer>handle((buffer, sink) -> {
                    long read = total.addAndGet(buffer.readableByteCount());
                    if (read <= limit) {
                        sink.next(buffer);
                        return;
                    }
                    DataBufferUtils.release(buffer);
                    if (read > limit + DRAIN_ALLOWANCE) {
                        sink.error(tooLarge);
                    }
                }).concatWith(Mono.defer(() -> total.get() > limit ? Mono.error(tooLarge) : Mono.empty()));
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(RequestBodyTooLargeException.class,
                        tooLarge -> exchange.getResponse().isCommitted() ? Mono.error(tooLarge) : reject(exchange));
    }

    private Mono<Void> reject(ServerWebExchange exchange) {
        // The connection is not reused after an oversized body.
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                "The request body exceeds the limit of " + limit + " bytes",
                headers -> headers.set(HttpHeaders.CONNECTION, "close"));
    }
}
