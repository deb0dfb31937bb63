package org.urbancooperation.gateway.ratelimit;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The throttle of failed authentication attempts ({@code ucp.auth-throttle.*}), with buckets of its own in
 * the same kind of store as the rate limits: Redis when {@code REDIS_URL} is set (shared by every replica),
 * otherwise memory. Independent of {@code ucp.rate-limit.enabled}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AuthenticationThrottleProperties.class, RateLimitProperties.class })
@ConditionalOnBooleanProperty(name = "ucp.auth-throttle.enabled", matchIfMissing = true)
public class AuthenticationThrottleConfiguration {

    @Bean(destroyMethod = "close")
    FailedAuthenticationThrottle authenticationThrottle(AuthenticationThrottleProperties properties,
            RateLimitProperties rateLimits) {
        String redisUrl = rateLimits.redisUrl();
        BucketStore store = redisUrl == null || redisUrl.isBlank()
                ? new LocalBucketStore(rateLimits.maxLocalBuckets(), List.of(properties.perAddress(), properties.perApiKey()))
                : new RedisBucketStore(redisUrl.trim(), rateLimits.storeTimeout(), rateLimits.maxLocalBuckets());
        return new FailedAuthenticationThrottle(store, new RateLimitSubjects(rateLimits), properties,
                rateLimits.storeTimeout());
    }
}
