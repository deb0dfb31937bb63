package org.urbancooperation.events.cooperationevent.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.partnership.OrganisationRegistered;
import org.urbancooperation.events.cooperationevent.messaging.KnownReferencesHandlers;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.messaging.IntegrationEventHandler;
import org.urbancooperation.support.readmodel.AwaitedReferences;
import org.urbancooperation.support.testing.InMemoryMongo;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.node.JsonNodeFactory;

/** The organisations a cooperation event's organisers must name: duplicates and older versions change nothing. */
class KnownReferencesTest {

    private final MongoDatabase database = InMemoryMongo.freshDatabase();
    private final KnownReferences organisations = new KnownReferences(database, "known_organisations",
            new AwaitedReferences("organisation", Duration.ofMillis(300), new SimpleMeterRegistry()));
    private final IntegrationEventHandler<OrganisationRegistered> handler =
            KnownReferencesHandlers.organisations(organisations);

    @Test
    void aDuplicateOrAnOlderRegistrationIsStaleAndTheOrganisationStaysKnown() {
        OrganisationRegistered iges = new OrganisationRegistered("iges", Map.of("en", "IGES"), "RESEARCH_INSTITUTE",
                "hayama", List.of(), null);
        assertThat(organisations.isKnown("iges")).as("after the bounded wait").isFalse();

        assertThat(handler.handle(iges, envelope("iges", 2))).isEqualTo(HandlingOutcome.APPLIED);
        assertThat(handler.handle(iges, envelope("iges", 2))).isEqualTo(HandlingOutcome.STALE);
        assertThat(handler.handle(iges, envelope("iges", 1))).as("out of order").isEqualTo(HandlingOutcome.STALE);

        assertThat(organisations.isKnown("iges")).isTrue();
        assertThat(database.getCollection("known_organisations").countDocuments()).isEqualTo(1);
    }

    private static EventEnvelope envelope(String id, long version) {
        return new EventEnvelope(UUID.randomUUID(), "partnership.OrganisationRegistered", 1, Instant.now(),
                "Organisation", id, version, "partnership-service", null, JsonNodeFactory.instance.objectNode());
    }
}
