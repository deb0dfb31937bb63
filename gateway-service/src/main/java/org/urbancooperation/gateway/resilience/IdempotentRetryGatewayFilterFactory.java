package org.urbancooperation.gateway.resilience;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Route filter {@code IdempotentRetry}: sends a GET or HEAD request again when the service answered 5xx
 * (without {@code Retry-After}) or the connection failed ({@link IOException}: refused, connect timeout, dropped), at most
 * {@code retries} times, waiting {@code firstBackoff}, then {@code factor} times longer each time, at most
 * {@code maxBackoff}. Never other methods, never a request with a body, never after a response timeout
 * (the service is slow, not down: a retry would multiply its load and the client's wait).
 *
 * <p>The gateway's own rather than Spring Cloud Gateway's {@code Retry} filter, which does the same with
 * reactor-addons' repeat and retry companions: those cost about 10 µs of CPU on every request, retried or
 * not, a third of what the gateway still added to a request (docs/benchmarks.md). Here a request that
 * needs no retry passes four plain operators. What happens between attempts is Spring Cloud Gateway's
 * own: the previous response's connection is disposed and the exchange is reset for routing again.
 */
@Component
public class IdempotentRetryGatewayFilterFactory
        extends AbstractGatewayFilterFactory<IdempotentRetryGatewayFilterFactory.Config> {

    private static final Logger log = LoggerFactory.getLogger(IdempotentRetryGatewayFilterFactory.class);

    public IdempotentRetryGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("retries");
    }

    @Override
    public GatewayFilter apply(Config config) {
        config.validate();
        return new GatewayFilter() {

            @Override
            public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
                return isRetryable(exchange) ? attempt(exchange, chain, config, 0) : chain.filter(exchange);
            }

            @Override
            public String toString() {
                return "IdempotentRetry[retries=" + config.getRetries() + "]";
            }
        };
    }

    private static boolean isRetryable(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return false;
        }
        // A body could not be sent twice (it is read once from the client).
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return headers.getContentLength() <= 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, Config config, int retried) {
        boolean attemptsLeft = retried < config.getRetries();
        return chain.filter(exchange)
                .then(Mono.fromSupplier(() -> attemptsLeft && answeredServerError(exchange)))
                .onErrorResume(error -> attemptsLeft && isConnectionFailure(error) && !exchange.getResponse().isCommitted()
                        ? Mono.just(Boolean.TRUE)
                        : Mono.error(error))
                // After onErrorResume: a failure of the next attempt is that attempt's, never retried here again.
                .flatMap(again -> again ? retry(exchange, chain, config, retried + 1) : Mono.empty());
    }

    private Mono<Void> retry(ServerWebExchange exchange, GatewayFilterChain chain, Config config, int retry) {
        Duration backoff = config.backoff(retry);
        log.debug("Retrying {} {} ({} of {}) in {} ms", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), retry, config.getRetries(), backoff.toMillis());
        reset(exchange);
        return Mono.delay(backoff).then(Mono.defer(() -> attempt(exchange, chain, config, retry)));
    }

    private static boolean answeredServerError(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        // A 5xx with Retry-After (a service whose database is down) says when to come back: retrying at once would
        // only delay that answer and add load.
        return status != null && status.is5xxServerError() && !exchange.getResponse().isCommitted()
                && exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER) == null;
    }

    private static boolean isConnectionFailure(Throwable error) {
        return error instanceof IOException || error.getCause() instanceof IOException;
    }

    /** As Spring Cloud Gateway's Retry filter does between attempts. */
    private static void reset(ServerWebExchange exchange) {
        Connection connection = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
        if (connection != null) {
            connection.dispose();
            exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
        }
        ServerWebExchangeUtils.reset(exchange);
    }

    public static class Config {

        private int retries = 2;
        private Duration firstBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(1);
        private int factor = 2;

        void validate() {
            if (retries < 0 || factor < 1 || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
                throw new IllegalArgumentException("IdempotentRetry: retries >= 0, factor >= 1 and "
                        + "0 <= firstBackoff <= maxBackoff required, got " + this);
            }
        }

        /** The wait before the given retry (1 for the first). */
        Duration backoff(int retry) {
            Duration wait = firstBackoff;
            for (int i = 1; i < retry && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(factor);
            }
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }

        public Duration getFirstBackoff() {
            return firstBackoff;
        }

        public void setFirstBackoff(Duration firstBackoff) {
            this.firstBackoff = firstBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public int getFactor() {
            return factor;
        }

        public void setFactor(int factor) {
            this.factor = factor;
        }

        @Override
        public String toString() {
            return "retries=" + retries + ", firstBackoff=" + firstBackoff + ", maxBackoff=" + maxBackoff + ", factor="
                    + factor;
        }
    }
}
