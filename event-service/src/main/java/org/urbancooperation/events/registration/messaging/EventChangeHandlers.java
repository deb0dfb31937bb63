package org.urbancooperation.events.registration.messaging;

import org.urbancooperation.contracts.events.CooperationEventCancelled;
import org.urbancooperation.contracts.events.CooperationEventPostponed;
import org.urbancooperation.events.registration.application.RegistrationService;
import org.urbancooperation.events.registration.domain.RegistrationChange.EventChangeReason;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.messaging.IntegrationEventHandler;

/**
 * Consumes the cooperation event's own Cancelled and Postponed events (from the topic event-service publishes on), so
 * that the event's write stays one document and each registrant is told by a RegistrationAffected of its own. The
 * event's version in the envelope makes a redelivered or older notice stale.
 */
public final class EventChangeHandlers {

    private EventChangeHandlers() {
    }

    public static IntegrationEventHandler<CooperationEventCancelled> cancelled(RegistrationService registrations) {
        return IntegrationEventHandler.of(CooperationEventCancelled.class, (event, envelope) ->
                registrations.eventChanged(event.cooperationEventId(), EventChangeReason.CANCELLED,
                        envelope.aggregateVersion()) ? HandlingOutcome.APPLIED : HandlingOutcome.STALE);
    }

    public static IntegrationEventHandler<CooperationEventPostponed> postponed(RegistrationService registrations) {
        return IntegrationEventHandler.of(CooperationEventPostponed.class, (event, envelope) ->
                registrations.eventChanged(event.cooperationEventId(), EventChangeReason.POSTPONED,
                        envelope.aggregateVersion()) ? HandlingOutcome.APPLIED : HandlingOutcome.STALE);
    }
}
