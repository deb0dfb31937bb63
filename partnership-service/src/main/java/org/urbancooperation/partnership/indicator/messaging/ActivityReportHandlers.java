package org.urbancooperation.partnership.indicator.messaging;

import org.urbancooperation.contracts.events.CooperationEventScheduled;
import org.urbancooperation.contracts.matching.MatchingEventOpened;
import org.urbancooperation.partnership.indicator.application.ActivityStore;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.messaging.IntegrationEventHandler;

/** The other services' events that feed the programme indicators. */
public final class ActivityReportHandlers {

    private ActivityReportHandlers() {
    }

    public static IntegrationEventHandler<CooperationEventScheduled> cooperationEvents(ActivityStore store) {
        return IntegrationEventHandler.of(CooperationEventScheduled.class, (event, envelope) ->
                store.countCooperationEvent(event.partnershipId(), envelope.eventId(), event.format())
                        ? HandlingOutcome.APPLIED : HandlingOutcome.DUPLICATE);
    }

    public static IntegrationEventHandler<MatchingEventOpened> matchingEvents(ActivityStore store) {
        return IntegrationEventHandler.of(MatchingEventOpened.class, (event, envelope) ->
                store.countMatchingEvent(event.partnershipId(), envelope.eventId())
                        ? HandlingOutcome.APPLIED : HandlingOutcome.DUPLICATE);
    }
}
