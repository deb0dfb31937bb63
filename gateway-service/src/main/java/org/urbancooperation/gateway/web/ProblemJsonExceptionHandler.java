package org.urbancooperation.gateway.web;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.urbancooperation.gateway.resilience.GatewayProblems;

import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
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
        Failure failure = classify(error);
        logFailure(exchange, error, failure, correlationId);

        return problems.write(exchange, failure.status(), failure.type(), failure.title(), failure.detail(),
                GatewayProblems.HttpHeaderSetter.NONE);
    }

    static Failure classify(Throwable error) {
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
                return Failure.of(HttpStatus.BAD_GATEWAY,
                        "The service closed the connection without a complete response; "
                                + "quote the correlation id when reporting it");
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

    private static void logFailure(ServerWebExchange exchange, Throwable error, Failure failure, String correlationId) {
        if (failure.status().is4xxClientError()) {
            return;
        }
        try (CorrelationIds.MdcScope ignored = CorrelationIds.inMdc(correlationId)) {
            String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getURI().getRawPath();
            if (failure.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
                log.error("{} failed", request, error);
            } else {
                // Expected operational failures: one line each, the stack trace adds nothing.
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
