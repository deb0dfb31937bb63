package org.urbancooperation.contracts.matching;

import java.time.Instant;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A business matching event opened for offers and requests, with 1:1 meetings of
 * {@code slotMinutes} between {@code startsAt} and {@code endsAt}.
 *
 * @param cooperationEventId the cooperation event (event-service) it is held at, e.g. a trade fair; null when none
 *        (optional, added in issue 13; consumers that do not know it ignore it)
 */
public record MatchingEventOpened(
        UUID matchingEventId,
        UUID partnershipId,
        String title,
        Instant startsAt,
        Instant endsAt,
        int slotMinutes,
        UUID cooperationEventId) implements IntegrationEvent {

    /** As published before a matching event could be held at a cooperation event. */
    public MatchingEventOpened(UUID matchingEventId, UUID partnershipId, String title, Instant startsAt,
            Instant endsAt, int slotMinutes) {
        this(matchingEventId, partnershipId, title, startsAt, endsAt, slotMinutes, null);
    }

    @Override
    public String aggregateId() {
        return matchingEventId.toString();
    }
}
