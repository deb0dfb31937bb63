package org.urbancooperation.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A cooperation event's agenda was published as a new version: version 1 with the event itself, each later one with
 * what changed from the one before (the agenda itself is read through event-service's API).
 *
 * @param changes empty for version 1
 */
public record AgendaVersionPublished(
        UUID cooperationEventId,
        int agendaVersion,
        Instant publishedAt,
        int sessions,
        List<Change> changes) implements IntegrationEvent {

    /**
     * @param type ADDED, REMOVED, MOVED, SPEAKERS_CHANGED or DETAILS_CHANGED
     * @param from the session's times before (MOVED, REMOVED), else null
     * @param to the session's times after (MOVED, ADDED), else null
     * @param speakersBefore names (SPEAKERS_CHANGED), else empty
     */
    public record Change(String type, UUID sessionId, Period from, Period to, List<String> speakersBefore,
            List<String> speakersAfter) {
    }

    public record Period(Instant startsAt, Instant endsAt) {
    }

    @Override
    public String aggregateId() {
        return cooperationEventId.toString();
    }
}
