package org.urbancooperation.matching.match.messaging;

import org.urbancooperation.contracts.matching.OpportunityPublished;
import org.urbancooperation.matching.match.application.SystemProposals;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.messaging.IntegrationEventHandler;

/**
 * This service's own {@code OpportunityPublished}, read back from Kafka in the service's consumer group: one replica
 * proposes the new opportunity's best pairs, after the write that published it, and again on redelivery to no effect.
 */
public final class SystemProposalsHandler {

    private SystemProposalsHandler() {
    }

    public static IntegrationEventHandler<OpportunityPublished> of(SystemProposals proposals) {
        return IntegrationEventHandler.of(OpportunityPublished.class, (published, envelope) -> {
            proposals.proposeFor(published.opportunityId());
            return HandlingOutcome.APPLIED;
        });
    }
}
