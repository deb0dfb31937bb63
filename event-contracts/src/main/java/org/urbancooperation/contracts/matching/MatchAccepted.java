package org.urbancooperation.contracts.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * Both businesses accepted a match (an offer meeting a request) of a matching event. Published on the
 * matching event's topic with the matching event as aggregate, so that its facts arrive in order.
 */
public record MatchAccepted(
        UUID matchId,
        UUID matchingEventId,
        List<UUID> partnershipIds,
        Instant acceptedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return matchingEventId.toString();
    }
}
