package org.urbancooperation.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A published cooperation event's start or end moved, without a postponement.
 *
 * @param timeZone the event's own IANA zone
 */
public record CooperationEventRescheduled(
        UUID cooperationEventId,
        List<UUID> partnershipIds,
        String timeZone,
        Instant previousStartsAt,
        Instant previousEndsAt,
        Instant startsAt,
        Instant endsAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return cooperationEventId.toString();
    }
}
