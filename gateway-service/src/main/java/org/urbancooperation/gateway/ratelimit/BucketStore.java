package org.urbancooperation.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import reactor.core.publisher.Mono;

/** Where the token buckets live: this process's memory, or Redis. */
interface BucketStore extends AutoCloseable {

    /** Takes one token from the subject's bucket, creating the bucket full if it does not exist. */
    Mono<ConsumptionProbe> tryConsume(RateLimitSubject subject);

    /** Whether a token could be taken now, without taking it; a bucket that does not exist yet is full. */
    Mono<EstimationProbe> estimate(RateLimitSubject subject);

    /**
     * A store that answers without waiting (memory): the filter takes the token synchronously, with no
     * reactive pipeline and no timeout timer per request.
     */
    interface Immediate extends BucketStore {

        ConsumptionProbe tryConsumeNow(RateLimitSubject subject);

        EstimationProbe estimateNow(RateLimitSubject subject);

        @Override
        default Mono<EstimationProbe> estimate(RateLimitSubject subject) {
            return Mono.fromSupplier(() -> estimateNow(subject));
        }

        @Override
        default Mono<ConsumptionProbe> tryConsume(RateLimitSubject subject) {
            return Mono.fromSupplier(() -> tryConsumeNow(subject));
        }
    }

    /** For logs and docs: "memory" or "redis". */
    String kind();

    @Override
    default void close() {
    }
}
