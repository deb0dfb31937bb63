package org.urbancooperation.gateway.resilience;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.urbancooperation.gateway.web.CorrelationIds;

import reactor.core.publisher.Mono;

/**
 * Problem documents for the answers that the rate limiter, the circuit breakers and the request guards
 * give themselves (429, 413, 503, 403): the same shape as {@code web.ProblemJsonExceptionHandler}
 * (type, title, status, detail, instance, correlationId) and the same type base, but with a type of
 * their own instead of one derived from the status.
 */
@Component
public class GatewayProblems {

    /** Same base as {@code ProblemJsonExceptionHandler} and the services: keep in step. */
    public static final String TYPE_BASE = "https://urban-cooperation.example/problems/";

    /**
     * The request path as the client sent it. Set by {@link SecurityHeadersFilter} (which runs first):
     * a circuit-breaker fallback runs on a request forwarded to {@code /fallback/...}, whose own path
     * must not appear as the problem's instance. Attributes are shared by every mutated exchange.
     */
    public static final String ORIGINAL_PATH_ATTRIBUTE = GatewayProblems.class.getName() + ".originalPath";

    private final ServerResponse.Context responseContext;

    public GatewayProblems(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.responseContext = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    /** The problem document for this exchange; {@code type} is the last segment under {@link #TYPE_BASE}. */
    public ProblemDetail problem(ServerWebExchange exchange, HttpStatus status, String type, String title,
            String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(originalPath(exchange)));
        String correlationId = CorrelationIds.of(exchange);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    /** A response carrying the problem, for handler functions. */
    public Mono<ServerResponse> response(ServerWebExchange exchange, HttpStatus status, String type, String title,
            String detail, HttpHeaderSetter headers) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers::set)
                .bodyValue(problem(exchange, status, type, title, detail));
    }

    /** Writes the problem as the exchange's response, for web filters. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail,
            HttpHeaderSetter headers) {
        return response(exchange, status, type, title, detail, headers)
                .flatMap(response -> response.writeTo(exchange, responseContext));
    }

    static String originalPath(ServerWebExchange exchange) {
        String original = exchange.getAttribute(ORIGINAL_PATH_ATTRIBUTE);
        return original != null ? original : exchange.getRequest().getURI().getRawPath();
    }

    /** Extra response headers (Retry-After, RateLimit-*); {@link #NONE} when there are none. */
    @FunctionalInterface
    public interface HttpHeaderSetter {

        HttpHeaderSetter NONE = headers -> {
        };

        void set(org.springframework.http.HttpHeaders headers);
    }
}
