package org.urbancooperation.gateway.ratelimit;

import java.time.Duration;
import java.util.Collection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/**
 * Buckets in this process's memory, for a single replica. Bounded: at most {@code max-local-buckets}
 * (least recently used evicted first), and a bucket unused for as long as the slowest bucket takes to
 * fill up is dropped, since it would be full again anyway. A flood of distinct addresses can therefore
 * not exhaust memory; at worst an evicted caller starts over with a full bucket.
 */
final class LocalBucketStore implements BucketStore.Immediate {

    private final Cache<String, Bucket> buckets;

    LocalBucketStore(int maxBuckets, Collection<RateLimitProperties.Limit> limits) {
        Duration idle = limits.stream().map(RateLimitProperties.Limit::timeToFill).max(Duration::compareTo)
                .orElse(Duration.ofMinutes(1));
        this.buckets = Caffeine.newBuilder().maximumSize(maxBuckets).expireAfterAccess(idle).build();
    }

    @Override
    public ConsumptionProbe tryConsumeNow(RateLimitSubject subject) {
        return buckets.get(subject.bucketName(), name -> newBucket(subject.limit())).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public EstimationProbe estimateNow(RateLimitSubject subject) {
        // No bucket yet means no token taken yet: nothing is created for a look.
        Bucket bucket = buckets.getIfPresent(subject.bucketName());
        return bucket == null ? EstimationProbe.canBeConsumed(subject.limit().burst()) : bucket.estimateAbilityToConsume(1);
    }

    private static Bucket newBucket(RateLimitProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst()).refillGreedy(limit.requests(), limit.per()))
                .build();
    }

    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    @Override
    public String kind() {
        return "memory";
    }
}
