package org.urbancooperation.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A published cooperation event was postponed to new dates, with a reason; it stays public.
 *
 * @param timeZone the event's own IANA zone
 */
public record CooperationEventPostponed(
        UUID cooperationEventId,
        List<UUID> partnershipIds,
        String timeZone,
        Instant previousStartsAt,
        Instant previousEndsAt,
        Instant startsAt,
        Instant endsAt,
        String reason) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return cooperationEventId.toString();
    }
}
