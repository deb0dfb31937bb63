package org.urbancooperation.support.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.partnership.PartnershipEstablished;
import org.urbancooperation.support.testing.InMemoryMongo;
import org.urbancooperation.support.testing.SampleEvents;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.node.JsonNodeFactory;

/** A command naming a partnership established a moment ago waits for its event, bounded; an unknown one is refused. */
class KnownPartnershipsTest {

    private final MongoDatabase database = InMemoryMongo.freshDatabase();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final KnownPartnerships partnerships = new KnownPartnerships(database, Duration.ofSeconds(3), meters);

    @Test
    void aPartnershipWhoseEventArrivesWhileACommandWaitsIsFoundAsSoonAsItIsApplied() {
        UUID id = UUID.randomUUID();
        CompletableFuture.runAsync(() -> partnerships.handle(SampleEvents.essenKoriyama(id), envelope(id)),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        long started = System.nanoTime();
        Optional<KnownPartnerships.KnownPartnership> found = partnerships.awaitFind(id);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(found).isPresent();
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(2));
        assertThat(meters.get("ucp.references.wait").tag("outcome", "found").timer().count()).isEqualTo(1);
    }

    @Test
    void anEventAppliedByAnotherReplicaIsFoundByLookingAgain() {
        UUID id = UUID.randomUUID();
        KnownPartnerships otherReplica = new KnownPartnerships(database);
        CompletableFuture.runAsync(() -> otherReplica.handle(SampleEvents.essenKoriyama(id), envelope(id)),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        assertThat(partnerships.awaitFind(id)).isPresent();
    }

    @Test
    void anUnknownPartnershipIsRefusedAfterTheBoundedWait() {
        KnownPartnerships briefly = new KnownPartnerships(database, Duration.ofMillis(400), meters);
        long started = System.nanoTime();

        assertThat(briefly.awaitFind(UUID.randomUUID())).isEmpty();

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofSeconds(2));
        assertThat(meters.get("ucp.references.wait").tag("outcome", "unknown").timer().count()).isEqualTo(1);
    }

    @Test
    void aKnownPartnershipIsFoundWithoutWaiting() {
        UUID id = UUID.randomUUID();
        partnerships.handle(SampleEvents.essenKoriyama(id), envelope(id));

        assertThat(partnerships.awaitFind(id)).isPresent();
        assertThat(meters.find("ucp.references.wait").timer()).isNull();
    }

    private static EventEnvelope envelope(UUID id) {
        return new EventEnvelope(UUID.randomUUID(), "partnership.PartnershipEstablished", 1, Instant.now(), "Partnership",
                id.toString(), 1, "partnership-service", null, JsonNodeFactory.instance.objectNode());
    }
}
