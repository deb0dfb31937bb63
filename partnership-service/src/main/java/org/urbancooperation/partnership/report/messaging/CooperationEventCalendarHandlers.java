package org.urbancooperation.partnership.report.messaging;

import org.urbancooperation.contracts.events.CooperationEventCancelled;
import org.urbancooperation.contracts.events.CooperationEventHeld;
import org.urbancooperation.contracts.events.CooperationEventScheduledV2;
import org.urbancooperation.partnership.report.application.CooperationEventCalendar;
import org.urbancooperation.partnership.report.application.CooperationEventCalendar.Fact;
import org.urbancooperation.partnership.report.domain.CooperationEventEntry.State;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.messaging.IntegrationEventHandler;

/**
 * Keeps the report's calendar of cooperation events from event-service's facts: scheduled, held, cancelled. Each
 * fact is stored by its aggregate version, so a duplicate or an overtaken fact is STALE and changes no state.
 */
public final class CooperationEventCalendarHandlers {

    private CooperationEventCalendarHandlers() {
    }

    /** From v2, which names all the event's partnerships at once (v1, one per partnership, is no longer read). */
    public static IntegrationEventHandler<CooperationEventScheduledV2> scheduled(CooperationEventCalendar calendar) {
        return IntegrationEventHandler.of(CooperationEventScheduledV2.class, (e, envelope) -> outcome(calendar.record(
                new Fact(e.cooperationEventId(), e.partnershipIds(), State.SCHEDULED, e.title(), e.kind(),
                        e.startsAt(), e.endsAt(), null),
                envelope.aggregateVersion())));
    }

    public static IntegrationEventHandler<CooperationEventHeld> held(CooperationEventCalendar calendar) {
        return IntegrationEventHandler.of(CooperationEventHeld.class, (e, envelope) -> outcome(calendar.record(
                new Fact(e.cooperationEventId(), e.partnershipIds(), State.HELD, e.title(), e.format(), e.startsAt(),
                        e.endsAt(), null),
                envelope.aggregateVersion())));
    }

    public static IntegrationEventHandler<CooperationEventCancelled> cancelled(CooperationEventCalendar calendar) {
        return IntegrationEventHandler.of(CooperationEventCancelled.class, (e, envelope) -> outcome(calendar.record(
                new Fact(e.cooperationEventId(), e.partnershipIds(), State.CANCELLED, null, null, null, null,
                        e.reason()),
                envelope.aggregateVersion())));
    }

    private static HandlingOutcome outcome(boolean applied) {
        return applied ? HandlingOutcome.APPLIED : HandlingOutcome.STALE;
    }
}
