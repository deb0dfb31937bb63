package org.urbancooperation.contracts.matching;

import java.time.Instant;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A business matching event opened for offers and requests, with 1:1 meetings of
 * {@code slotMinutes} between {@code startsAt} and {@code endsAt}.
 */
public record MatchingEventOpened(
        UUID matchingEventId,
        UUID partnershipId,
        String title,
        Instant startsAt,
        Instant endsAt,
        int slotMinutes) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return matchingEventId.toString();
    }
}
