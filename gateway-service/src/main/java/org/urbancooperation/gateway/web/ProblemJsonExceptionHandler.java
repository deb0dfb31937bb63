package org.urbancooperation.gateway.web;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.urbancooperation.gateway.resilience.GatewayProblems;
import org.urbancooperation.gateway.routing.EventLoopLocalRoutingFilter;

import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Answers every error raised by the gateway itself (no route, service unreachable, service too slow)
 * with an RFC 9457 problem document in the platform's shape: type, title, status, detail, instance,
 * correlationId. Responses that the services produce, errors included, pass through untouched.
 *
 * <p>Being an ErrorWebExceptionHandler bean, it replaces Boot's DefaultErrorWebExceptionHandler (whose
 * body is a different shape); the order keeps it ahead of that one (-1) and of WebFlux's status handler (0)
 * should either be registered anyway. The detail never carries exception messages: they name internal
 * hosts and ports.
 */
@Component
@Order(-2)
public class ProblemJsonExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonExceptionHandler.class);

    private final GatewayProblems problems;

    public ProblemJsonExceptionHandler(GatewayProblems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            // Part of the service's response is already on the wire; all that is left is to drop the connection.
            return Mono.error(error);
        }
        String correlationId = CorrelationIds.of(exchange);
        Route route = exchange.getAttribute(EventLoopLocalRoutingFilter.ROUTE_ATTRIBUTE);
        Failure failure = classify(error, route != null);
        logFailure(exchange, error, failure, correlationId, route);
        // The service's response headers may already be on the exchange (the exchange broke while its body was
        // read): none of them belongs to the gateway's answer. As Spring Cloud Gateway resets before a retry.
        exchange.getAttributeOrDefault(ServerWebExchangeUtils.CLIENT_RESPONSE_HEADER_NAMES, Set.<String>of())
                .forEach(exchange.getResponse().getHeaders()::remove);

        return problems.write(exchange, failure.status(), failure.type(), failure.title(), failure.detail(),
                GatewayProblems.HttpHeaderSetter.NONE);
    }

    /** As {@link #classify(Throwable, boolean)} for an error raised before the request was sent to a service. */
    static Failure classify(Throwable error) {
        return classify(error, false);
    }

    /**
     * What the client is told.
     *
     * @param sentToService whether the request was sent on to a service: then a broken connection (reset by
     *        the peer, closed before or during the response, as when the service's process is killed) is the
     *        service's, a 502
     */
    static Failure classify(Throwable error, boolean sentToService) {
        if (error instanceof PathTraversalGuardFilter.RejectedPathException rejected) {
            return Failure.of(HttpStatus.BAD_REQUEST, rejected.getMessage());
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            // Includes connect timeouts (netty's ConnectTimeoutException is a ConnectException): in all
            // these cases the request never reached the service, so the client may safely retry.
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return Failure.of(HttpStatus.SERVICE_UNAVAILABLE,
                        "The service is not reachable; the request was not delivered and can be retried later");
            }
            if (cause instanceof ReadTimeoutException) {
                // The response timeout (resilience.ResponseTimeout): the service stayed silent too long.
                return Failure.of(HttpStatus.GATEWAY_TIMEOUT,
                        "The service did not respond in time; the request may still have been processed");
            }
            if (cause instanceof PrematureCloseException) {
                return badGateway();
            }
        }
        // Only once no cause said "not delivered" (503) or "too slow" (504) above.
        for (Throwable cause = error; sentToService && cause != null; cause = cause.getCause()) {
            if (brokeTheExchange(cause)) {
                return badGateway();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        if (error instanceof ResponseStatusException statusError) {
            HttpStatusCode status = statusError.getStatusCode();
            if (status.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                // Raised by the routing filter when a route's own response-timeout metadata expires.
                return Failure.of(HttpStatus.GATEWAY_TIMEOUT,
                        "The service did not respond in time; the request may still have been processed");
            }
            if (status.value() == HttpStatus.NOT_FOUND.value()) {
                return Failure.of(HttpStatus.NOT_FOUND, "No resource is served at this path");
            }
            HttpStatus known = HttpStatus.resolve(status.value());
            if (known != null && status.is4xxClientError()) {
                return Failure.of(known, known.getReasonPhrase());
            }
        }
        return Failure.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request failed; quote the correlation id when reporting it");
    }

    private static Failure badGateway() {
        return Failure.of(HttpStatus.BAD_GATEWAY,
                "The service closed the connection without a complete response; "
                        + "quote the correlation id when reporting it");
    }

    /**
     * The connection to the service broke after it was established: reset by the peer ({@code IOException}
     * "Connection reset by peer", also Netty's native one), closed while the status line or headers were read
     * (Netty's {@link PrematureChannelClosureException}), or closed while the request was still being sent
     * ({@link AbortedException}). Connection failures before that are 503s, checked first.
     */
    private static boolean brokeTheExchange(Throwable cause) {
        return cause instanceof IOException || cause instanceof PrematureChannelClosureException
                || cause instanceof AbortedException;
    }

    private static void logFailure(ServerWebExchange exchange, Throwable error, Failure failure, String correlationId,
            Route route) {
        if (failure.status().is4xxClientError()) {
            return;
        }
        try (CorrelationIds.MdcScope ignored = CorrelationIds.inMdc(correlationId)) {
            String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getURI().getRawPath();
            if (failure.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
                log.error("{} failed", request, error);
            } else if (route != null) {
                // Expected operational failures: one line each, the stack trace adds nothing. The address is the
                // route's, port included, not one taken from the exception or the (possibly forwarded) request.
                log.warn("{} answered {} (route {}, {}): {}", request, failure.status().value(), route.getId(),
                        EventLoopLocalRoutingFilter.serviceAddress(route), describe(error));
            } else {
                log.warn("{} answered {}: {}", request, failure.status().value(), describe(error));
            }
        }
    }

    /** The exception chain as "Type: message" pairs, for the operator's log, never for the client. */
    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }

    /** What the client is told: the problem type is derived from the status, as in the services. */
    record Failure(HttpStatus status, String type, String title, String detail) {

        static Failure of(HttpStatus status, String detail) {
            String type = status == HttpStatus.INTERNAL_SERVER_ERROR ? "internal-error"
                    : status.name().toLowerCase().replace('_', '-');
            return new Failure(status, type, status.getReasonPhrase(), detail);
        }
    }
}
