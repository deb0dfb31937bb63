package org.urbancooperation.partnership.indicator.domain;

/**
 * What an AUTOMATIC indicator counts, from the facts the other services publish. Each measure counts one kind of
 * thing (a cooperation event, a registration, ...) that is in its counting state now.
 */
public enum IndicatorMeasure {
    /** Cooperation events held and not cancelled since (events.CooperationEventHeld / Cancelled). */
    COOPERATION_EVENTS_HELD,
    /** Registrations confirmed and not withdrawn (events.RegistrationConfirmed / Withdrawn): one participant each. */
    PARTICIPANTS_REGISTERED,
    /** Business matching events held (matching.MatchingEventHeld). */
    MATCHING_EVENTS_HELD,
    /** Matches both businesses accepted (matching.MatchAccepted). */
    MATCHES_ACCEPTED,
    /** 1:1 business meetings held (matching.MeetingHeld). */
    B2B_MEETINGS_HELD,
    /** Cooperation agreements reached between businesses (matching.BusinessAgreementReached). */
    BUSINESS_AGREEMENTS_REACHED
}
