package org.urbancooperation.contracts.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * The matching engine proposed two published opportunities of two businesses to each other; both still have to
 * accept. Never carries contacts.
 *
 * @param businessIds the two businesses, the opportunity's first
 * @param reasons the engine's reasons in words
 * @param expiresAt when it expires if not both accepted
 */
public record MatchProposed(
        UUID matchId,
        UUID opportunityId,
        UUID candidateOpportunityId,
        List<String> businessIds,
        double score,
        List<String> reasons,
        Instant expiresAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return matchId.toString();
    }
}
