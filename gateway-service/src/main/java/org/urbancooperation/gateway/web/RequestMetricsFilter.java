package org.urbancooperation.gateway.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

/**
 * Times every request the gateway answers: {@code ucp_gateway_requests_seconds} (a histogram, see
 * application.yml), tagged with the route that served it ({@code none}: answered by the gateway itself,
 * e.g. 401, 429, 404; {@code actuator}: its probes and scrapes), the method and the status. The time runs from the first web filter until
 * the response starts (its status and headers are sent); requests whose client left before that are not
 * counted.
 *
 * <p>One timer of the gateway's own, not Spring Cloud Gateway's route timer plus WebFlux's
 * {@code http.server.requests} observation: those two cost as much CPU per request as the rest of the
 * gateway's own filters together (see docs/benchmarks.md), and the route timer does not see requests
 * refused before routing. Tags have bounded values: route ids, nine method names, status codes.
 */
@Component
public class RequestMetricsFilter implements GatewayRequestFilter {

    public static final String METER = "ucp.gateway.requests";
    /** For requests that no route served. */
    public static final String NO_ROUTE = "none";
    /** For the gateway's own actuator endpoints (health probes, Prometheus scrapes). */
    public static final String ACTUATOR = "actuator";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");

    private final MeterRegistry registry;
    private final ActuatorRequests actuatorRequests;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    public RequestMetricsFilter(MeterRegistry registry, ActuatorRequests actuatorRequests) {
        this.registry = registry;
        this.actuatorRequests = actuatorRequests;
    }

    @Override
    public int getOrder() {
        // First of all, so the time includes every other filter.
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        ServerHttpResponse response = exchange.getResponse();
        // At commit rather than when the chain completes: errors are answered by the exception handler
        // after the filters, and only then is the status known.
        response.beforeCommit(() -> {
            record(exchange, System.nanoTime() - start);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private void record(ServerWebExchange exchange, long nanos) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        String method = exchange.getRequest().getMethod().name();
        Key key = new Key(route != null ? route.getId() : actuatorRequests.isActuator(exchange) ? ACTUATOR : NO_ROUTE,
                METHODS.contains(method) ? method : "OTHER",
                status == null ? HttpStatus.OK.value() : status.value());
        timers.computeIfAbsent(key, this::register).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer register(Key key) {
        return Timer.builder(METER)
                .description("Requests answered by the gateway, until the response started")
                .tag("route", key.route())
                .tag("method", key.method())
                .tag("status", Integer.toString(key.status()))
                .tag("outcome", outcome(key.status()))
                .register(registry);
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    private record Key(String route, String method, int status) {
    }
}
