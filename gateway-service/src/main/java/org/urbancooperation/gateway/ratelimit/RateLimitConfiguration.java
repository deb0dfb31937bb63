package org.urbancooperation.gateway.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.gateway.resilience.GatewayProblems;
import org.urbancooperation.gateway.web.ActuatorRequests;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The rate limiter: buckets in Redis when {@code ucp.rate-limit.redis-url} ({@code REDIS_URL}) is set,
 * otherwise in memory. {@code ucp.rate-limit.enabled=false} leaves it out.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnBooleanProperty(name = "ucp.rate-limit.enabled", matchIfMissing = true)
public class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean(destroyMethod = "close")
    BucketStore rateLimitBucketStore(RateLimitProperties properties) {
        if (properties.redisUrl() == null || properties.redisUrl().isBlank()) {
            log.info("Rate limits are kept in memory (at most {} buckets): set REDIS_URL to share them between replicas",
                    properties.maxLocalBuckets());
            return new LocalBucketStore(properties.maxLocalBuckets(), properties.limits().values());
        }
        return new RedisBucketStore(properties.redisUrl().trim(), properties.storeTimeout(),
                properties.maxLocalBuckets());
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, BucketStore rateLimitBucketStore,
            GatewayProblems problems, MeterRegistry meters, ActuatorRequests actuatorRequests) {
        return new RateLimitFilter(properties, rateLimitBucketStore, problems, meters, actuatorRequests);
    }
}
