package org.urbancooperation.partnership.indicator.messaging;

import org.urbancooperation.contracts.events.CooperationEventScheduledV2;
import org.urbancooperation.contracts.matching.MatchingEventOpened;
import org.urbancooperation.partnership.indicator.application.ActivityStore;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.messaging.IntegrationEventHandler;

/** The other services' events that feed the programme indicators. */
public final class ActivityReportHandlers {

    private ActivityReportHandlers() {
    }

    /**
     * Counts a scheduled cooperation event for each of its partnerships (v2 names them all; v1, one message per
     * partnership, is no longer read). Each partnership's counter remembers the message, so a redelivery counts
     * nowhere again and one that failed half-way counts only where it had not.
     */
    public static IntegrationEventHandler<CooperationEventScheduledV2> cooperationEvents(ActivityStore store) {
        return IntegrationEventHandler.of(CooperationEventScheduledV2.class, (event, envelope) -> {
            boolean counted = false;
            for (java.util.UUID partnershipId : event.partnershipIds()) {
                counted |= store.countCooperationEvent(partnershipId, envelope.eventId(), event.kind());
            }
            return counted ? HandlingOutcome.APPLIED : HandlingOutcome.DUPLICATE;
        });
    }

    public static IntegrationEventHandler<MatchingEventOpened> matchingEvents(ActivityStore store) {
        return IntegrationEventHandler.of(MatchingEventOpened.class, (event, envelope) ->
                store.countMatchingEvent(event.partnershipId(), envelope.eventId())
                        ? HandlingOutcome.APPLIED : HandlingOutcome.DUPLICATE);
    }
}
