package org.urbancooperation.matching.matchingevent.messaging;

import org.urbancooperation.contracts.events.CooperationEventPublished;
import org.urbancooperation.contracts.events.CooperationEventScheduled;
import org.urbancooperation.matching.matchingevent.persistence.KnownCooperationEvents;
import org.urbancooperation.support.messaging.IntegrationEventHandler;

/**
 * Consume event-service's {@code CooperationEventPublished} (any public event, also one of no partnership such as
 * the EU-Japan 100 Cities Event) and {@code CooperationEventScheduled} (an event of a partnership) into
 * {@link KnownCooperationEvents}. A redelivered or older event is stale.
 */
public final class KnownCooperationEventsHandlers {

    private KnownCooperationEventsHandlers() {
    }

    public static IntegrationEventHandler<CooperationEventPublished> published(KnownCooperationEvents events) {
        return IntegrationEventHandler.of(CooperationEventPublished.class, (e, envelope) -> events.record(
                new KnownCooperationEvents.Known(e.cooperationEventId(), envelope.aggregateVersion(), e.title(),
                        e.startsAt(), e.endsAt())));
    }

    public static IntegrationEventHandler<CooperationEventScheduled> scheduled(KnownCooperationEvents events) {
        return IntegrationEventHandler.of(CooperationEventScheduled.class, (e, envelope) -> events.record(
                new KnownCooperationEvents.Known(e.cooperationEventId(), envelope.aggregateVersion(), e.title(),
                        e.startsAt(), e.endsAt())));
    }
}
