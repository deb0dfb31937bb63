package org.urbancooperation.contracts.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/** A business matching event took place (published once it has ended), for the partnerships in {@code partnershipIds}. */
public record MatchingEventHeld(
        UUID matchingEventId,
        List<UUID> partnershipIds,
        String title,
        Instant startsAt,
        Instant endsAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return matchingEventId.toString();
    }
}
