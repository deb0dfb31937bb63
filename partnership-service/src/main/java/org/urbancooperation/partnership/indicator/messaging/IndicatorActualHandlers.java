package org.urbancooperation.partnership.indicator.messaging;

import java.util.function.Function;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.events.CooperationEventCancelled;
import org.urbancooperation.contracts.events.CooperationEventHeld;
import org.urbancooperation.contracts.events.RegistrationConfirmed;
import org.urbancooperation.contracts.events.RegistrationWithdrawn;
import org.urbancooperation.contracts.matching.BusinessAgreementReached;
import org.urbancooperation.contracts.matching.CooperationAgreementReached;
import org.urbancooperation.contracts.matching.MatchConfirmed;
import org.urbancooperation.contracts.matching.MatchAccepted;
import org.urbancooperation.contracts.matching.MatchingEventHeld;
import org.urbancooperation.contracts.matching.MeetingHeld;
import org.urbancooperation.partnership.indicator.application.CountedThings;
import org.urbancooperation.partnership.indicator.domain.CountedThing;
import org.urbancooperation.partnership.indicator.domain.CountedThing.Kind;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.messaging.IntegrationEventHandler;

/**
 * The other services' facts that make the AUTOMATIC indicators' actuals: each becomes the latest state of the thing
 * it is about, kept if its aggregate version is newer than the one stored (STALE otherwise: a redelivery, or a fact
 * a later one overtook).
 */
public final class IndicatorActualHandlers {

    private IndicatorActualHandlers() {
    }

    public static IntegrationEventHandler<CooperationEventHeld> cooperationEventHeld(CountedThings things) {
        return handler(things, CooperationEventHeld.class,
                e -> CountedThing.happened(Kind.COOPERATION_EVENT, e.cooperationEventId(), e.partnershipIds()));
    }

    public static IntegrationEventHandler<CooperationEventCancelled> cooperationEventCancelled(CountedThings things) {
        return handler(things, CooperationEventCancelled.class,
                e -> CountedThing.takenBack(Kind.COOPERATION_EVENT, e.cooperationEventId(), e.partnershipIds()));
    }

    public static IntegrationEventHandler<RegistrationConfirmed> registrationConfirmed(CountedThings things) {
        return handler(things, RegistrationConfirmed.class,
                e -> CountedThing.happened(Kind.REGISTRATION, e.registrationId(), e.partnershipIds()));
    }

    public static IntegrationEventHandler<RegistrationWithdrawn> registrationWithdrawn(CountedThings things) {
        return handler(things, RegistrationWithdrawn.class,
                e -> CountedThing.takenBack(Kind.REGISTRATION, e.registrationId(), e.partnershipIds()));
    }

    public static IntegrationEventHandler<MatchingEventHeld> matchingEventHeld(CountedThings things) {
        return handler(things, MatchingEventHeld.class,
                e -> CountedThing.happened(Kind.MATCHING_EVENT, e.matchingEventId(), e.partnershipIds()));
    }

    public static IntegrationEventHandler<MatchAccepted> matchAccepted(CountedThings things) {
        return handler(things, MatchAccepted.class,
                e -> CountedThing.happened(Kind.MATCH, e.matchId(), e.partnershipIds()));
    }

    /**
     * A match confirmed outside or inside a matching event (matching-service's own match aggregate): the same
     * thing as a MatchAccepted of the same match id, counted once.
     */
    public static IntegrationEventHandler<MatchConfirmed> matchConfirmed(CountedThings things) {
        return handler(things, MatchConfirmed.class,
                e -> CountedThing.happened(Kind.MATCH, e.matchId(), e.partnershipIds()));
    }

    /** An agreement both businesses of a match reported; one per match. */
    public static IntegrationEventHandler<CooperationAgreementReached> cooperationAgreementReached(
            CountedThings things) {
        return handler(things, CooperationAgreementReached.class,
                e -> CountedThing.happened(Kind.BUSINESS_AGREEMENT, e.matchId(), e.partnershipIds()));
    }

    public static IntegrationEventHandler<MeetingHeld> meetingHeld(CountedThings things) {
        return handler(things, MeetingHeld.class,
                e -> CountedThing.happened(Kind.MEETING, e.meetingId(), e.partnershipIds()));
    }

    public static IntegrationEventHandler<BusinessAgreementReached> businessAgreementReached(CountedThings things) {
        return handler(things, BusinessAgreementReached.class,
                e -> CountedThing.happened(Kind.BUSINESS_AGREEMENT, e.businessAgreementId(), e.partnershipIds()));
    }

    static <T extends IntegrationEvent> IntegrationEventHandler<T> handler(CountedThings things, Class<T> type,
            Function<T, CountedThing> state) {
        return IntegrationEventHandler.of(type, (event, envelope) ->
                things.record(state.apply(event), envelope.aggregateVersion())
                        ? HandlingOutcome.APPLIED : HandlingOutcome.STALE);
    }
}
