package org.urbancooperation.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ucp.auth-throttle.*}: failed authentication attempts allowed, as token buckets that only failures
 * take from. Buckets live where the rate limits live ({@code REDIS_URL}, else memory); the client address is
 * found as for the rate limits ({@code ucp.rate-limit.trust-forwarded-for}, {@code trusted-proxies}).
 *
 * @param enabled false: failed attempts are never throttled
 * @param perAddress failures per client address
 * @param perApiKey failures per API key id (a well-formed key whatever its secret), from any address
 */
@ConfigurationProperties("ucp.auth-throttle")
public record AuthenticationThrottleProperties(
        @DefaultValue("true") boolean enabled,
        RateLimitProperties.Limit perAddress,
        RateLimitProperties.Limit perApiKey) {

    public AuthenticationThrottleProperties {
        perAddress = perAddress == null ? new RateLimitProperties.Limit(10, Duration.ofMinutes(1), 20) : perAddress;
        perApiKey = perApiKey == null ? new RateLimitProperties.Limit(10, Duration.ofMinutes(1), 20) : perApiKey;
        perAddress.validateAt("ucp.auth-throttle.per-address");
        perApiKey.validateAt("ucp.auth-throttle.per-api-key");
    }
}
