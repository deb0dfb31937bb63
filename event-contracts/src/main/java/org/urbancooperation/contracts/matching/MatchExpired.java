package org.urbancooperation.contracts.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/** A pending match was not accepted by both before expiresAt and expired by itself. */
public record MatchExpired(
        UUID matchId,
        List<String> businessIds,
        List<UUID> opportunityIds,
        Instant expiresAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return matchId.toString();
    }
}
