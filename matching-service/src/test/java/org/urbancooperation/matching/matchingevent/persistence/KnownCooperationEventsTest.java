package org.urbancooperation.matching.matchingevent.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.events.CooperationEventPublished;
import org.urbancooperation.contracts.events.CooperationEventScheduled;
import org.urbancooperation.matching.matchingevent.messaging.KnownCooperationEventsHandlers;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.readmodel.AwaitedReferences;
import org.urbancooperation.support.testing.InMemoryMongo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.node.JsonNodeFactory;

/** The read model of event-service's cooperation events: each applied once, older versions stale. */
class KnownCooperationEventsTest {

    private final KnownCooperationEvents events = new KnownCooperationEvents(InMemoryMongo.freshDatabase(),
            new AwaitedReferences(KnownCooperationEvents.REFERENCE, Duration.ofMillis(200), new SimpleMeterRegistry()));

    static final Instant STARTS = Instant.parse("2023-01-25T08:00:00Z");
    static final Instant ENDS = Instant.parse("2023-01-25T11:00:00Z");

    @Test
    void aRedeliveredOrOlderEventChangesNothingAndAnUnknownOneIsNotKnown() {
        UUID id = UUID.randomUUID();
        var published = KnownCooperationEventsHandlers.published(events);
        var scheduled = KnownCooperationEventsHandlers.scheduled(events);
        CooperationEventPublished conference = new CooperationEventPublished(id, "CONFERENCE", "HYBRID",
                "EU-Japan 100 Cities Event on Climate Action", List.of(), List.of(), null, List.of(), "Europe/Brussels",
                List.of("Europe/Brussels", "Asia/Tokyo"), STARTS, ENDS, "TIME", List.of("en", "ja"), null);

        assertThat(events.isKnown(id)).isFalse();
        assertThat(published.handle(conference, envelope(id, 2))).isEqualTo(HandlingOutcome.APPLIED);
        assertThat(published.handle(conference, envelope(id, 2))).isEqualTo(HandlingOutcome.STALE);
        assertThat(scheduled.handle(new CooperationEventScheduled(id, UUID.randomUUID(), "Older title", "CONFERENCE",
                STARTS, ENDS, List.of("Europe/Brussels"), List.of("en")), envelope(id, 1)))
                .isEqualTo(HandlingOutcome.STALE);
        assertThat(events.isKnown(id)).isTrue();
        assertThat(events.isKnown(UUID.randomUUID())).isFalse();
    }

    private static EventEnvelope envelope(UUID id, long version) {
        return new EventEnvelope(UUID.randomUUID(), "events.CooperationEventPublished", 1, Instant.now(),
                "CooperationEvent", id.toString(), version, "event-service", null,
                JsonNodeFactory.instance.objectNode());
    }
}
