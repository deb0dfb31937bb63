package org.urbancooperation.contracts.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/** A 1:1 (B2B) meeting of a matching event took place. */
public record MeetingHeld(
        UUID meetingId,
        UUID matchingEventId,
        UUID matchId,
        List<UUID> partnershipIds,
        Instant heldAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return matchingEventId.toString();
    }
}
