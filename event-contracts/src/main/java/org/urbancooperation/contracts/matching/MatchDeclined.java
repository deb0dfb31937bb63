package org.urbancooperation.contracts.matching;

import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * One business declined a pending match; the pair is never proposed again. The reason it may have given stays
 * between the two.
 */
public record MatchDeclined(
        UUID matchId,
        List<String> businessIds,
        List<UUID> opportunityIds,
        String declinedBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return matchId.toString();
    }
}
