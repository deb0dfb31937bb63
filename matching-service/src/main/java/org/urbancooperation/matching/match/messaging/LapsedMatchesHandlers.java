package org.urbancooperation.matching.match.messaging;

import org.urbancooperation.contracts.matching.OpportunityExpired;
import org.urbancooperation.contracts.matching.OpportunityWithdrawn;
import org.urbancooperation.matching.match.application.MatchService;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.messaging.IntegrationEventHandler;

/**
 * This service's own end of an opportunity (withdrawn or expired), read back from Kafka in the service's consumer
 * group: the opportunity's pending matches lapse, after the write that ended it; a redelivery finds none left.
 */
public final class LapsedMatchesHandlers {

    private LapsedMatchesHandlers() {
    }

    public static IntegrationEventHandler<OpportunityWithdrawn> onWithdrawn(MatchService matches) {
        return IntegrationEventHandler.of(OpportunityWithdrawn.class, (withdrawn, envelope) -> {
            matches.lapseMatchesOf(withdrawn.opportunityId());
            return HandlingOutcome.APPLIED;
        });
    }

    public static IntegrationEventHandler<OpportunityExpired> onExpired(MatchService matches) {
        return IntegrationEventHandler.of(OpportunityExpired.class, (expired, envelope) -> {
            matches.lapseMatchesOf(expired.opportunityId());
            return HandlingOutcome.APPLIED;
        });
    }
}
