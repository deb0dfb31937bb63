package org.urbancooperation.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ucp.rate-limit.*}: token buckets per caller.
 *
 * @param enabled false switches the filter off entirely
 * @param redisUrl {@code redis://host:port[/db]} (or {@code rediss://}): buckets kept in Redis and shared by
 *        every gateway replica; empty: kept in this process's memory
 * @param storeTimeout how long a request waits for the bucket store (Redis) before the store counts as failed
 * @param onStoreFailure what a request gets when the store fails: {@code open} lets it through,
 *        {@code closed} answers 503
 * @param trustForwardedFor key anonymous callers by X-Forwarded-For instead of the connection's address;
 *        only behind a proxy that sets the header
 * @param trustedProxies how many proxies in front of the gateway append to X-Forwarded-For; the client is
 *        the entry that many places from the right
 * @param maxLocalBuckets the most buckets kept in memory (least recently used ones go first)
 * @param excludedPaths path patterns never limited (probes and scraping)
 * @param limits per role ({@code anonymous}, {@code partner}, {@code business}, {@code operator}, ...)
 */
@ConfigurationProperties("ucp.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String redisUrl,
        @DefaultValue("100ms") Duration storeTimeout,
        @DefaultValue("open") StoreFailureMode onStoreFailure,
        @DefaultValue("false") boolean trustForwardedFor,
        @DefaultValue("1") int trustedProxies,
        @DefaultValue("100000") int maxLocalBuckets,
        @DefaultValue("/actuator/**") List<String> excludedPaths,
        Map<String, Limit> limits) {

    /** The role of callers without a GatewayCaller, and the limit of roles that have none configured. */
    public static final String ANONYMOUS = "anonymous";

    public RateLimitProperties {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
        if (enabled && !limits.containsKey(ANONYMOUS)) {
            throw new IllegalArgumentException("ucp.rate-limit.limits.anonymous must be set");
        }
        limits.forEach((role, limit) -> limit.validate(role));
        if (storeTimeout.isNegative() || storeTimeout.isZero()) {
            throw new IllegalArgumentException("ucp.rate-limit.store-timeout must be positive");
        }
        if (trustedProxies < 1) {
            throw new IllegalArgumentException("ucp.rate-limit.trusted-proxies must be at least 1");
        }
    }

    /**
     * A token bucket: {@code requests} tokens are added per {@code per} (continuously, not in one go) up
     * to {@code burst}; each request takes one. A caller idle long enough can send {@code burst} requests
     * at once, then {@code requests} per {@code per} on average.
     */
    public record Limit(long requests, Duration per, long burst) {

        void validate(String role) {
            validateAt("ucp.rate-limit.limits." + role);
        }

        void validateAt(String property) {
            if (requests < 1 || burst < 1 || per == null || per.isZero() || per.isNegative()) {
                throw new IllegalArgumentException(property + " needs requests >= 1, burst >= 1 and a positive per");
            }
        }

        /** How long an empty bucket takes to fill up again. */
        Duration timeToFill() {
            return Duration.ofNanos(Math.multiplyExact(per.toNanos(), burst) / requests + 1);
        }

        /** Identifies the settings, so that changed settings start new buckets in a shared store. */
        String fingerprint() {
            return burst + "-" + requests + "-" + per.toMillis();
        }
    }

    /** What a request gets while the bucket store cannot answer. */
    public enum StoreFailureMode {
        /** Let requests through unlimited: the limiter must not take the platform down with it. */
        OPEN,
        /** Answer 503: for when unlimited traffic is the greater danger. */
        CLOSED
    }
}
