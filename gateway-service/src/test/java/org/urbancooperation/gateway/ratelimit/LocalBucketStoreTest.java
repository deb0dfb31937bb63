package org.urbancooperation.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.ConsumptionProbe;

class LocalBucketStoreTest {

    private static final RateLimitProperties.Limit LIMIT = new RateLimitProperties.Limit(60, Duration.ofMinutes(1), 3);

    @Test
    void bucketAllowsItsBurstThenRefuses() {
        LocalBucketStore store = new LocalBucketStore(100, List.of(LIMIT));
        RateLimitSubject subject = new RateLimitSubject("ip:192.0.2.1", "anonymous", LIMIT);

        for (long remaining = 2; remaining >= 0; remaining--) {
            ConsumptionProbe probe = store.tryConsume(subject).block();
            assertThat(probe.isConsumed()).isTrue();
            assertThat(probe.getRemainingTokens()).isEqualTo(remaining);
        }
        ConsumptionProbe refused = store.tryConsume(subject).block();
        assertThat(refused.isConsumed()).isFalse();
        // One token per second.
        assertThat(Duration.ofNanos(refused.getNanosToWaitForRefill())).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1));
    }

    @Test
    void floodOfDistinctCallersCannotGrowTheStoreBeyondItsBound() {
        LocalBucketStore store = new LocalBucketStore(1_000, List.of(LIMIT));

        for (int i = 0; i < 50_000; i++) {
            store.tryConsume(new RateLimitSubject("ip:10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255),
                    "anonymous", LIMIT)).block();
        }

        assertThat(store.size()).isLessThanOrEqualTo(1_000);
    }
}
