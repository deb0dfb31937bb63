package org.urbancooperation.gateway.resilience;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.urbancooperation.gateway.web.CorrelationIds;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import reactor.core.publisher.Mono;

/**
 * Where the service routes' CircuitBreaker filters forward a failed request
 * ({@code fallbackUri: forward:/fallback/<circuit breaker name>}). The breaker forwards every failure,
 * not only refusals of an open circuit, so the answer depends on what failed:
 * <ul>
 * <li>the circuit is open ({@link CallNotPermittedException}): 503 problem+json at once, with
 * Retry-After = the breaker's wait in the open state; the request was not sent;</li>
 * <li>the breaker's time limiter expired: 504, as for the route's response timeout;</li>
 * <li>anything else (connection refused, connection dropped, response timeout): the original error
 * goes on to {@code web.ProblemJsonExceptionHandler}, which answers it exactly as without a breaker
 * (503, 502, 504 with their log line).</li>
 * </ul>
 * A request for {@code /fallback/...} that no breaker forwarded (a client calling it directly) is 404.
 */
@Configuration(proxyBeanMethods = false)
public class CircuitBreakerFallback {

    public static final String PATH = "/fallback";

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerFallback.class);

    private final GatewayProblems problems;
    private final ObjectProvider<CircuitBreakerRegistry> circuitBreakers;

    public CircuitBreakerFallback(GatewayProblems problems, ObjectProvider<CircuitBreakerRegistry> circuitBreakers) {
        this.problems = problems;
        this.circuitBreakers = circuitBreakers;
    }

    @Bean
    RouterFunction<ServerResponse> circuitBreakerFallbackRoute() {
        return RouterFunctions.route(RequestPredicates.path(PATH + "/{breaker}"), this::answer);
    }

    Mono<ServerResponse> answer(ServerRequest request) {
        ServerWebExchange exchange = request.exchange();
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        String breaker = request.pathVariable("breaker");
        if (failure instanceof CallNotPermittedException) {
            logRefusal(exchange, breaker);
            long retryAfter = Math.max(1, waitInOpenState(breaker).toSeconds());
            return problems.response(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
                    "The service is failing and is given time to recover; the request was not delivered "
                            + "and can be retried later",
                    headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)));
        }
        if (failure instanceof TimeoutException) {
            return Mono.error(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Circuit breaker time limit", failure));
        }
        return Mono.error(failure);
    }

    private Duration waitInOpenState(String breaker) {
        CircuitBreakerRegistry registry = circuitBreakers.getIfAvailable();
        if (registry == null) {
            return Duration.ZERO;
        }
        return registry.find(breaker)
                .map(CircuitBreaker::getCircuitBreakerConfig)
                .map(config -> Duration.ofMillis(config.getWaitIntervalFunctionInOpenState().apply(1)))
                .orElse(Duration.ZERO);
    }

    private static void logRefusal(ServerWebExchange exchange, String breaker) {
        try (CorrelationIds.MdcScope ignored = CorrelationIds.inMdc(CorrelationIds.of(exchange))) {
            log.warn("{} {} answered 503: circuit breaker {} is open", exchange.getRequest().getMethod(),
                    GatewayProblems.originalPath(exchange), breaker);
        }
    }
}
