package org.urbancooperation.gateway.ratelimit;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.ServerWebExchange;
import org.urbancooperation.gateway.security.AuthenticationThrottle;

import io.github.bucket4j.EstimationProbe;
import reactor.core.publisher.Mono;

/**
 * The authentication throttle on bucket4j buckets that only failed attempts take tokens from: one per client
 * address ({@code auth-failures-address:...:ip:<address>}) and one per API key id
 * ({@code auth-failures-api-key:...:key:<id>}). An attempt is checked only while both still hold a token.
 *
 * <p>The store failing (Redis down or slow) never locks anybody out: the attempt is checked as without a
 * throttle, and the store's own failures are what the rate limiter reports.
 */
final class FailedAuthenticationThrottle implements AuthenticationThrottle, AutoCloseable {

    static final String ADDRESS_SCOPE = "address";
    static final String API_KEY_SCOPE = "api-key";
    private static final Logger log = LoggerFactory.getLogger(FailedAuthenticationThrottle.class);

    private final BucketStore store;
    private final RateLimitSubjects clients;
    private final AuthenticationThrottleProperties properties;
    private final Duration storeTimeout;

    FailedAuthenticationThrottle(BucketStore store, RateLimitSubjects clients, AuthenticationThrottleProperties properties,
            Duration storeTimeout) {
        this.store = store;
        this.clients = clients;
        this.properties = properties;
        this.storeTimeout = storeTimeout;
    }

    @Override
    public Mono<Blocked> check(ServerWebExchange exchange, String apiKeyId) {
        RateLimitSubject address = address(exchange);
        if (store instanceof BucketStore.Immediate immediate) {
            Blocked blocked = blocked(ADDRESS_SCOPE, immediate.estimateNow(address));
            if (blocked == null && apiKeyId != null) {
                blocked = blocked(API_KEY_SCOPE, immediate.estimateNow(apiKey(apiKeyId)));
            }
            return Mono.justOrEmpty(blocked);
        }
        Mono<Blocked> byAddress = estimate(ADDRESS_SCOPE, address);
        return apiKeyId == null ? byAddress : byAddress.switchIfEmpty(Mono.defer(() -> estimate(API_KEY_SCOPE, apiKey(apiKeyId))));
    }

    @Override
    public Mono<Void> failed(ServerWebExchange exchange, String apiKeyId) {
        Mono<Void> byAddress = take(address(exchange));
        return apiKeyId == null ? byAddress : byAddress.then(take(apiKey(apiKeyId)));
    }

    private Mono<Blocked> estimate(String scope, RateLimitSubject subject) {
        return store.estimate(subject).timeout(storeTimeout)
                .mapNotNull(probe -> blocked(scope, probe))
                .onErrorResume(failure -> {
                    log.debug("Authentication throttle store failed, attempt checked anyway: {}", failure.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> take(RateLimitSubject subject) {
        return store.tryConsume(subject).timeout(storeTimeout).then()
                .onErrorResume(failure -> {
                    log.debug("Authentication throttle store failed, failure not counted: {}", failure.toString());
                    return Mono.empty();
                });
    }

    private static Blocked blocked(String scope, EstimationProbe probe) {
        return probe.canBeConsumed() ? null : new Blocked(scope, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private RateLimitSubject address(ServerWebExchange exchange) {
        return new RateLimitSubject("ip:" + clients.clientAddress(exchange), "auth-failures-" + ADDRESS_SCOPE,
                properties.perAddress());
    }

    private RateLimitSubject apiKey(String keyId) {
        return new RateLimitSubject("key:" + keyId, "auth-failures-" + API_KEY_SCOPE, properties.perApiKey());
    }

    @Override
    public void close() {
        store.close();
    }
}
