package org.urbancooperation.contracts.matching;

import java.time.Instant;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A business asked another, about one of the other's published opportunities, to meet. The message stays between
 * the two (a business may write anything in it, contacts included): it is never in an event.
 *
 * @param fromOpportunityId the requester's own opportunity it asked from; null when it asked from its profile
 * @param matchingEventId the matching event it asked within; null outside any
 */
public record InterestExpressed(
        UUID matchId,
        String requesterBusinessId,
        UUID fromOpportunityId,
        String addresseeBusinessId,
        UUID toOpportunityId,
        UUID matchingEventId,
        Instant expiresAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return matchId.toString();
    }
}
