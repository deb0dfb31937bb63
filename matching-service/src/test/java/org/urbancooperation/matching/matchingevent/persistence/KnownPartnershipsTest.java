package org.urbancooperation.matching.matchingevent.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.matching.matchingevent.messaging.KnownPartnershipsHandler;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.readmodel.AwaitedReferences;
import org.urbancooperation.support.testing.InMemoryMongo;
import org.urbancooperation.support.testing.SampleEvents;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The read model of established partnerships: a command naming a partnership established a moment ago waits for
 * its event, bounded; an unknown one is refused; a redelivery changes nothing.
 */
class KnownPartnershipsTest {

    private final MongoDatabase database = InMemoryMongo.freshDatabase();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final KnownPartnerships partnerships = new KnownPartnerships(database,
            new AwaitedReferences(KnownPartnerships.REFERENCE, Duration.ofSeconds(3), meters));
    private final KnownPartnershipsHandler handler = new KnownPartnershipsHandler(partnerships);

    @Test
    void aPartnershipWhoseEventArrivesWhileACommandWaitsIsFoundAsSoonAsItIsApplied() {
        UUID id = UUID.randomUUID();
        long started = System.nanoTime();
        CompletableFuture.runAsync(() -> handler.handle(SampleEvents.essenKoriyama(id), envelope(id, 1)),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        Optional<List<String>> found = partnerships.partnerOrganisationsOf(id);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(found).contains(SampleEvents.essenKoriyama(id).partnerOrganisations());
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(2));
        assertThat(meters.get("ucp.references.wait").tag("reference", "partnership").tag("outcome", "found").timer()
                .count()).isEqualTo(1);
    }

    @Test
    void anEventAppliedByAnotherReplicaIsFoundByLookingAgain() {
        UUID id = UUID.randomUUID();
        KnownPartnershipsHandler otherReplica = new KnownPartnershipsHandler(
                new KnownPartnerships(database, AwaitedReferences.none(KnownPartnerships.REFERENCE)));
        CompletableFuture.runAsync(() -> otherReplica.handle(SampleEvents.essenKoriyama(id), envelope(id, 1)),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        assertThat(partnerships.partnerOrganisationsOf(id)).isPresent();
    }

    @Test
    void anUnknownPartnershipIsRefusedAfterTheBoundedWait() {
        KnownPartnerships briefly = new KnownPartnerships(database,
                new AwaitedReferences(KnownPartnerships.REFERENCE, Duration.ofMillis(400), meters));
        long started = System.nanoTime();

        assertThat(briefly.partnerOrganisationsOf(UUID.randomUUID())).isEmpty();

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofSeconds(2));
        assertThat(meters.get("ucp.references.wait").tag("outcome", "unknown").timer().count()).isEqualTo(1);
    }

    @Test
    void aKnownPartnershipIsFoundWithoutWaitingAndARedeliveryIsStale() {
        UUID id = UUID.randomUUID();
        assertThat(handler.handle(SampleEvents.essenKoriyama(id), envelope(id, 1))).isEqualTo(HandlingOutcome.APPLIED);
        assertThat(handler.handle(SampleEvents.essenKoriyama(id), envelope(id, 1))).isEqualTo(HandlingOutcome.STALE);

        assertThat(partnerships.partnerOrganisationsOf(id)).isPresent();
        assertThat(meters.find("ucp.references.wait").timer()).isNull();
        assertThat(database.getCollection(KnownPartnerships.COLLECTION).find().first())
                .containsEntry("name", SampleEvents.essenKoriyama(id).name())
                .containsEntry("cityNames", List.of("Essen", "Koriyama"));
    }

    private static EventEnvelope envelope(UUID id, long version) {
        return new EventEnvelope(UUID.randomUUID(), "partnership.PartnershipEstablished", 1, Instant.now(), "Partnership",
                id.toString(), version, "partnership-service", null, JsonNodeFactory.instance.objectNode());
    }
}
