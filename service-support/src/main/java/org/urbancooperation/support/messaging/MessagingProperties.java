package org.urbancooperation.support.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Consumer tuning ({@code ucp.messaging.*}).
 *
 * @param retries how often a failing record is retried before it goes to the dead-letter topic
 * @param initialBackoff the first pause between retries, doubled each time up to {@code maxBackoff}
 * @param concurrency consumer threads per subscribed topic
 * @param partitions partitions of the topics this service creates
 * @param replicationFactor replicas of the topics this service creates (3 in production)
 */
@ConfigurationProperties("ucp.messaging")
public record MessagingProperties(
        Integer retries,
        Duration initialBackoff,
        Duration maxBackoff,
        Integer concurrency,
        Integer partitions,
        Short replicationFactor) {

    public MessagingProperties {
        retries = retries == null ? 4 : retries;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
        concurrency = concurrency == null ? 1 : concurrency;
        partitions = partitions == null ? 3 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
    }
}
