package org.urbancooperation.support.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.mongo.ScanSpacing;

class PeriodicRecountTest {

    @Test
    void theWaitIsTheIntervalOrAHundredTimesWhatTheScanTookWhicheverIsLonger() {
        assertThat(ScanSpacing.after(Duration.ofSeconds(5), Duration.ZERO)).isEqualTo(Duration.ofSeconds(5));
        assertThat(ScanSpacing.after(Duration.ofSeconds(5), Duration.ofMillis(20))).isEqualTo(Duration.ofSeconds(5));
        assertThat(ScanSpacing.after(Duration.ofSeconds(5), Duration.ofMillis(150))).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void countsAtStartAndAgainAfterEachIntervalWhenTheCountIsCheap() {
        AtomicInteger runs = new AtomicInteger();
        try (PeriodicRecount recount = new PeriodicRecount("test-gauges", Duration.ofMillis(20), Duration.ofMillis(20),
                runs::incrementAndGet)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 5);
        }
    }

    @Test
    void aSlowCountIsSpacedByItsOwnCostNotByTheInterval() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        // 30 ms per count: the next waits 3 s although the interval asks for 20 ms (about 40 runs in the second).
        try (PeriodicRecount recount = new PeriodicRecount("test-gauges", Duration.ofMillis(20), Duration.ofMillis(20),
                () -> {
                    runs.incrementAndGet();
                    sleep(30);
                })) {
            Thread.sleep(1_000);
            assertThat(runs).hasValue(1);
            assertThat(recount.lastRunTook()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
            recount.soon();
            Thread.sleep(1_000);
            assertThat(runs).as("soon() waits as long as the cost asks too").hasValue(1);
        }
    }

    @Test
    void manyChangesSoonAfterEachOtherAreOneCount() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        try (PeriodicRecount recount = new PeriodicRecount("test-gauges", Duration.ofHours(1), Duration.ofMillis(300),
                runs::incrementAndGet)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
            for (int i = 0; i < 50; i++) {
                recount.soon();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
            Thread.sleep(600);
            assertThat(runs).hasValue(2);
        }
    }

    @Test
    void aFailedCountIsTriedAgainAtTheNextRun() {
        AtomicInteger runs = new AtomicInteger();
        try (PeriodicRecount recount = new PeriodicRecount("test-gauges", Duration.ofMillis(20), Duration.ofMillis(20),
                () -> {
                    if (runs.incrementAndGet() < 3) {
                        throw new IllegalStateException("database away");
                    }
                })) {
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 4);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
