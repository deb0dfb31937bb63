package org.urbancooperation.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/** Where the token buckets live: this process's memory, or Redis. */
interface BucketStore extends AutoCloseable {

    /** Takes one token from the subject's bucket, creating the bucket full if it does not exist. */
    Mono<ConsumptionProbe> tryConsume(RateLimitSubject subject);

    /** For logs and docs: "memory" or "redis". */
    String kind();

    @Override
    default void close() {
    }
}
