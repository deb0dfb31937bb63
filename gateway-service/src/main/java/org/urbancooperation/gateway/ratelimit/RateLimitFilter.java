package org.urbancooperation.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.urbancooperation.gateway.resilience.GatewayProblems;
import org.urbancooperation.gateway.web.ActuatorRequests;
import org.urbancooperation.gateway.web.CorrelationIds;
import org.urbancooperation.gateway.web.GatewayRequestFilter;
import org.urbancooperation.gateway.web.RequestEventLoop;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Takes a token from the caller's bucket for each request ({@link RateLimitSubjects} picks the bucket).
 * Allowed requests go on with {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} on their response; refused ones get 429 problem+json with the same headers and
 * {@code Retry-After}. When the store does not answer within the store timeout, the request goes on
 * unlimited ({@code open}) or gets 503 ({@code closed}); either way it never waits longer.
 *
 * <p>Order: {@link #ORDER}, after authentication, which must have put the {@code GatewayCaller} on the
 * exchange by then. Before it run (by order) the request timer, correlation id, security headers, path
 * guard, CORS and body limit filters, so preflights and oversized bodies never take a token.
 */
public class RateLimitFilter implements GatewayRequestFilter {

    /** After authentication ({@code AuthenticationFilter.ORDER}), the last of the gateway's request filters. */
    public static final int ORDER = -90;

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofSeconds(10);

    private final RateLimitProperties properties;
    private final RateLimitSubjects subjects;
    private final BucketStore store;
    private final GatewayProblems problems;
    private final List<PathPattern> excludedPaths;
    private final ActuatorRequests actuatorRequests;
    private final MeterRegistry meters;
    private final Map<String, Counter> limitedByRole = new ConcurrentHashMap<>();
    private final AtomicLong lastFailureLog = new AtomicLong(System.nanoTime() - FAILURE_LOG_INTERVAL.toNanos());
    private final AtomicLong failuresSinceLog = new AtomicLong();

    RateLimitFilter(RateLimitProperties properties, BucketStore store, GatewayProblems problems, MeterRegistry meters,
            ActuatorRequests actuatorRequests) {
        this.properties = properties;
        this.actuatorRequests = actuatorRequests;
        this.subjects = new RateLimitSubjects(properties);
        this.store = store;
        this.problems = problems;
        this.meters = meters;
        this.excludedPaths = properties.excludedPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        // Registered up front, so that the series exist (at 0) before the first refusal.
        properties.limits().keySet().forEach(this::limitedCounter);
        failureCounter("timeout");
        failureCounter("error");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isExcluded(exchange)) {
            return chain.filter(exchange);
        }
        RateLimitSubject subject = subjects.of(exchange);
        if (store instanceof BucketStore.Immediate immediate) {
            Decision decision;
            try {
                decision = Decision.of(immediate.tryConsumeNow(subject));
            } catch (RuntimeException failure) {
                decision = storeFailed(exchange, failure);
            }
            return apply(decision, exchange, chain, subject);
        }
        // Redis answers on Lettuce's threads, the timeout on the parallel scheduler: back to the request's loop.
        return RequestEventLoop.resumeOn(exchange, store.tryConsume(subject)
                .timeout(properties.storeTimeout())
                .map(Decision::of)
                .onErrorResume(failure -> Mono.just(storeFailed(exchange, failure))))
                .flatMap(decision -> apply(decision, exchange, chain, subject));
    }

    private Mono<Void> apply(Decision decision, ServerWebExchange exchange, WebFilterChain chain,
            RateLimitSubject subject) {
        return switch (decision.outcome()) {
            case ALLOWED -> {
                addHeaders(exchange.getResponse(), subject, decision.probe());
                yield chain.filter(exchange);
            }
            case UNLIMITED -> chain.filter(exchange);
            case REFUSED -> refuse(exchange, subject, decision.probe());
            case UNAVAILABLE -> unavailable(exchange);
        };
    }

    private boolean isExcluded(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (PathPattern pattern : excludedPaths) {
            if (pattern.matches(path)) {
                // /actuator/** only where the actuator serves it (its own port): on the API port it is a 404,
                // limited like any other request.
                return !path.value().startsWith("/actuator") || actuatorRequests.isActuator(exchange);
            }
        }
        return false;
    }

    private Decision storeFailed(ServerWebExchange exchange, Throwable failure) {
        failureCounter(failure instanceof TimeoutException ? "timeout" : "error").increment();
        logFailure(exchange, failure);
        return properties.onStoreFailure() == RateLimitProperties.StoreFailureMode.OPEN
                ? new Decision(Outcome.UNLIMITED, null)
                : new Decision(Outcome.UNAVAILABLE, null);
    }

    /** At most one line per interval, with the number of failures since the last one: an outage is one event. */
    private void logFailure(ServerWebExchange exchange, Throwable failure) {
        long failures = failuresSinceLog.incrementAndGet();
        long last = lastFailureLog.get();
        long now = System.nanoTime();
        if (now - last < FAILURE_LOG_INTERVAL.toNanos() || !lastFailureLog.compareAndSet(last, now)) {
            return;
        }
        failuresSinceLog.addAndGet(-failures);
        try (CorrelationIds.MdcScope ignored = CorrelationIds.inMdc(CorrelationIds.of(exchange))) {
            log.warn("Rate limiter store ({}) failed {} time(s) in the last {} s, requests are {}: {}", store.kind(),
                    failures, FAILURE_LOG_INTERVAL.toSeconds(),
                    properties.onStoreFailure() == RateLimitProperties.StoreFailureMode.OPEN ? "let through" : "refused",
                    failure instanceof TimeoutException ? "no answer within " + properties.storeTimeout().toMillis() + " ms"
                            : failure.toString());
        }
    }

    private void addHeaders(ServerHttpResponse response, RateLimitSubject subject, ConsumptionProbe probe) {
        // Set at commit, so that nothing from the service or a retry replaces them.
        response.beforeCommit(() -> {
            setRateLimitHeaders(response.getHeaders(), subject, probe);
            return Mono.empty();
        });
    }

    private static void setRateLimitHeaders(HttpHeaders headers, RateLimitSubject subject, ConsumptionProbe probe) {
        headers.set("RateLimit-Limit", Long.toString(subject.limit().burst()));
        headers.set("RateLimit-Remaining", Long.toString(Math.max(0, probe.getRemainingTokens())));
        headers.set("RateLimit-Reset", Long.toString(ceilSeconds(probe.getNanosToWaitForReset())));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, RateLimitSubject subject, ConsumptionProbe probe) {
        limitedCounter(subject.role()).increment();
        long retryAfter = Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
        RateLimitProperties.Limit limit = subject.limit();
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase(),
                "Rate limit exceeded: " + limit.requests() + " requests per " + describe(limit.per()) + ", "
                        + limit.burst() + " at once; retry after " + retryAfter + " s",
                headers -> {
                    setRateLimitHeaders(headers, subject, probe);
                    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                });
    }

    private Mono<Void> unavailable(ServerWebExchange exchange) {
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
                "The rate limiter is unavailable; the request was not delivered and can be retried later",
                headers -> headers.set(HttpHeaders.RETRY_AFTER, "1"));
    }

    private Counter limitedCounter(String role) {
        return limitedByRole.computeIfAbsent(role, r -> Counter.builder("ucp.gateway.rate.limited")
                .description("Requests refused with 429 by the rate limiter")
                .tag("role", r)
                .register(meters));
    }

    private Counter failureCounter(String reason) {
        return Counter.builder("ucp.gateway.rate.limiter.failures")
                .description("Requests for which the rate limiter's bucket store failed or did not answer in time")
                .tag("store", store.kind())
                .tag("reason", reason)
                .register(meters);
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    private static String describe(Duration period) {
        if (period.toSeconds() % 3600 == 0 && period.toSeconds() >= 3600) {
            long hours = period.toHours();
            return hours == 1 ? "hour" : hours + " hours";
        }
        if (period.toSeconds() % 60 == 0 && period.toSeconds() >= 60) {
            long minutes = period.toMinutes();
            return minutes == 1 ? "minute" : minutes + " minutes";
        }
        return period.toMillis() % 1000 == 0 ? period.toSeconds() + " s" : period.toMillis() + " ms";
    }

    enum Outcome {
        ALLOWED, REFUSED, UNLIMITED, UNAVAILABLE
    }

    record Decision(Outcome outcome, ConsumptionProbe probe) {

        static Decision of(ConsumptionProbe probe) {
            return new Decision(probe.isConsumed() ? Outcome.ALLOWED : Outcome.REFUSED, probe);
        }
    }
}
