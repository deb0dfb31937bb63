package org.urbancooperation.support.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RecurringSweepTest {

    @Test
    void aFailedRoundIsFollowedByTheNextOne() {
        AtomicInteger rounds = new AtomicInteger();
        try (RecurringSweep sweep = new RecurringSweep("test-sweep", Duration.ofMillis(10), () -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
            return 1;
        }, "things swept")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() >= 3);
        }
    }

    @Test
    void closingStopsTheRounds() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        RecurringSweep sweep = new RecurringSweep("test-sweep", Duration.ofMillis(10), rounds::incrementAndGet, "x");
        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() >= 1);
        sweep.close();
        Thread.sleep(50);
        int after = rounds.get();
        Thread.sleep(100);
        assertThat(rounds.get()).isEqualTo(after);
    }
}
