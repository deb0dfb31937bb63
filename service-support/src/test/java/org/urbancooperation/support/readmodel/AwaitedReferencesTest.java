package org.urbancooperation.support.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A command naming something created a moment ago waits for it, bounded; an unknown one is given up on. */
class AwaitedReferencesTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Map<String, String> readModel = new ConcurrentHashMap<>();
    private final AwaitedReferences references = new AwaitedReferences("partnership", Duration.ofSeconds(3), meters);

    @Test
    void whatArrivesWhileACommandWaitsIsFoundAsSoonAsItArrives() {
        long started = System.nanoTime();
        CompletableFuture.runAsync(() -> {
            readModel.put("essen-koriyama", "Essen - Koriyama");
            references.arrived("essen-koriyama");
        }, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        Optional<String> found = references.await("essen-koriyama", () -> lookup("essen-koriyama"));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(found).contains("Essen - Koriyama");
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(2));
        assertThat(meters.get("ucp.references.wait").tag("reference", "partnership").tag("outcome", "found").timer()
                .count()).isEqualTo(1);
    }

    @Test
    void whatAnotherReplicaAppliedIsFoundByLookingAgain() {
        CompletableFuture.runAsync(() -> readModel.put("essen-koriyama", "Essen - Koriyama"),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        assertThat(references.await("essen-koriyama", () -> lookup("essen-koriyama"))).isPresent();
    }

    @Test
    void anUnknownReferenceIsGivenUpOnAfterTheBoundedWait() {
        AwaitedReferences briefly = new AwaitedReferences("partnership", Duration.ofMillis(400), meters);
        long started = System.nanoTime();

        assertThat(briefly.await("unknown", () -> lookup("unknown"))).isEmpty();

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofSeconds(2));
        assertThat(meters.get("ucp.references.wait").tag("outcome", "unknown").timer().count()).isEqualTo(1);
    }

    @Test
    void aKnownReferenceIsFoundWithoutWaitingAndNoneNeverWaits() {
        readModel.put("essen-koriyama", "Essen - Koriyama");

        assertThat(references.await("essen-koriyama", () -> lookup("essen-koriyama"))).isPresent();
        assertThat(meters.find("ucp.references.wait").timer()).isNull();
        long started = System.nanoTime();
        assertThat(AwaitedReferences.none("partnership").await("unknown", () -> lookup("unknown"))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
    }

    private Optional<String> lookup(String id) {
        return Optional.ofNullable(readModel.get(id));
    }
}
