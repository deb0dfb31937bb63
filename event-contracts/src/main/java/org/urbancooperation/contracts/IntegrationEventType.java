package org.urbancooperation.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.urbancooperation.contracts.access.ApiKeyIssued;
import org.urbancooperation.contracts.access.ApiKeyRevoked;
import org.urbancooperation.contracts.events.AgendaVersionPublished;
import org.urbancooperation.contracts.events.AttendanceRecorded;
import org.urbancooperation.contracts.events.CooperationEventCancelled;
import org.urbancooperation.contracts.events.CooperationEventChanged;
import org.urbancooperation.contracts.events.CooperationEventPostponed;
import org.urbancooperation.contracts.events.CooperationEventPublished;
import org.urbancooperation.contracts.events.CooperationEventRescheduled;
import org.urbancooperation.contracts.events.CooperationEventHeld;
import org.urbancooperation.contracts.events.CooperationEventScheduled;
import org.urbancooperation.contracts.events.RegistrationAffected;
import org.urbancooperation.contracts.events.CooperationEventScheduledV2;
import org.urbancooperation.contracts.events.RegistrationConfirmed;
import org.urbancooperation.contracts.events.RegistrationWithdrawn;
import org.urbancooperation.contracts.events.WaitlistPromoted;
import org.urbancooperation.contracts.matching.BusinessAgreementReached;
import org.urbancooperation.contracts.matching.BusinessProfileChanged;
import org.urbancooperation.contracts.matching.BusinessProfileRegistered;
import org.urbancooperation.contracts.matching.CooperationAgreementReached;
import org.urbancooperation.contracts.matching.InterestExpressed;
import org.urbancooperation.contracts.matching.MatchAccepted;
import org.urbancooperation.contracts.matching.MatchConfirmed;
import org.urbancooperation.contracts.matching.MatchDeclined;
import org.urbancooperation.contracts.matching.MatchExpired;
import org.urbancooperation.contracts.matching.MatchProposed;
import org.urbancooperation.contracts.matching.OpportunityChanged;
import org.urbancooperation.contracts.matching.OpportunityExpired;
import org.urbancooperation.contracts.matching.OpportunityPublished;
import org.urbancooperation.contracts.matching.OpportunityWithdrawn;
import org.urbancooperation.contracts.matching.MatchingEventHeld;
import org.urbancooperation.contracts.matching.MatchingEventOpened;
import org.urbancooperation.contracts.matching.MeetingCancelled;
import org.urbancooperation.contracts.matching.MeetingHeld;
import org.urbancooperation.contracts.matching.MeetingNoShow;
import org.urbancooperation.contracts.matching.MeetingRescheduled;
import org.urbancooperation.contracts.matching.MeetingScheduled;
import org.urbancooperation.contracts.partnership.ActionPlanned;
import org.urbancooperation.contracts.partnership.ActionStatusChanged;
import org.urbancooperation.contracts.partnership.AgreementSigned;
import org.urbancooperation.contracts.partnership.IndicatorTargetSet;
import org.urbancooperation.contracts.partnership.PartnershipChanged;
import org.urbancooperation.contracts.partnership.CityChanged;
import org.urbancooperation.contracts.partnership.CityRegistered;
import org.urbancooperation.contracts.partnership.OrganisationChanged;
import org.urbancooperation.contracts.partnership.OrganisationRegistered;
import org.urbancooperation.contracts.partnership.PartnershipEstablished;
import org.urbancooperation.contracts.partnership.PartnershipStatusChanged;
import org.urbancooperation.contracts.partnership.ProgrammeChanged;
import org.urbancooperation.contracts.partnership.ProgrammeRegistered;

/**
 * The catalogue of integration events. Adding a type means: a payload record, a JSON Schema and a
 * golden sample under {@code integration-events/}, and a message in {@code asyncapi.yaml}; the
 * contract tests fail until all four exist. A breaking change of a type is a new constant with the same
 * name and the next version (its own record, schema {@code <name>.v<n>.json} and sample), published beside
 * the old version until every consumer reads the new one; a consumer reads the versions it has handlers for.
 */
public enum IntegrationEventType {

    PARTNERSHIP_ESTABLISHED("partnership.PartnershipEstablished", 1, Topics.PARTNERSHIPS, "Partnership",
            PartnershipEstablished.class),
    AGREEMENT_SIGNED("partnership.AgreementSigned", 1, Topics.PARTNERSHIPS, "Partnership",
            AgreementSigned.class),
    COOPERATION_EVENT_SCHEDULED("events.CooperationEventScheduled", 1, Topics.COOPERATION_EVENTS,
            "CooperationEvent", CooperationEventScheduled.class),
    // v2 names every partnership of the event (v1 one): both are published until every consumer reads v2.
    COOPERATION_EVENT_SCHEDULED_V2("events.CooperationEventScheduled", 2, Topics.COOPERATION_EVENTS,
            "CooperationEvent", CooperationEventScheduledV2.class),
    MATCHING_EVENT_OPENED("matching.MatchingEventOpened", 1, Topics.MATCHING_EVENTS, "MatchingEvent",
            MatchingEventOpened.class),
    API_KEY_ISSUED("access.ApiKeyIssued", 1, Topics.API_KEYS, "ApiKey", ApiKeyIssued.class),
    API_KEY_REVOKED("access.ApiKeyRevoked", 1, Topics.API_KEYS, "ApiKey", ApiKeyRevoked.class),
    // Programme indicators (issue 11): the target set by the secretariat, and the facts other services
    // publish from the day they do, which partnership-service counts as indicator actuals.
    INDICATOR_TARGET_SET("partnership.IndicatorTargetSet", 1, Topics.INDICATORS, "Indicator",
            IndicatorTargetSet.class),
    COOPERATION_EVENT_HELD("events.CooperationEventHeld", 1, Topics.COOPERATION_EVENTS, "CooperationEvent",
            CooperationEventHeld.class),
    COOPERATION_EVENT_CANCELLED("events.CooperationEventCancelled", 1, Topics.COOPERATION_EVENTS,
            "CooperationEvent", CooperationEventCancelled.class),
    // Issue 12: the cooperation event's lifecycle and agenda versions.
    COOPERATION_EVENT_PUBLISHED("events.CooperationEventPublished", 1, Topics.COOPERATION_EVENTS,
            "CooperationEvent", CooperationEventPublished.class),
    COOPERATION_EVENT_CHANGED("events.CooperationEventChanged", 1, Topics.COOPERATION_EVENTS,
            "CooperationEvent", CooperationEventChanged.class),
    COOPERATION_EVENT_RESCHEDULED("events.CooperationEventRescheduled", 1, Topics.COOPERATION_EVENTS,
            "CooperationEvent", CooperationEventRescheduled.class),
    COOPERATION_EVENT_POSTPONED("events.CooperationEventPostponed", 1, Topics.COOPERATION_EVENTS,
            "CooperationEvent", CooperationEventPostponed.class),
    AGENDA_VERSION_PUBLISHED("events.AgendaVersionPublished", 1, Topics.COOPERATION_EVENTS, "CooperationEvent",
            AgendaVersionPublished.class),
    REGISTRATION_CONFIRMED("events.RegistrationConfirmed", 1, Topics.COOPERATION_EVENTS, "CooperationEvent",
            RegistrationConfirmed.class),
    REGISTRATION_WITHDRAWN("events.RegistrationWithdrawn", 1, Topics.COOPERATION_EVENTS, "CooperationEvent",
            RegistrationWithdrawn.class),
    // Issue 12, registration with waitlist: on the event's topic, keyed by the event; aggregateVersion is the
    // version of the event's registrations (one document), not of the event itself.
    WAITLIST_PROMOTED("events.WaitlistPromoted", 1, Topics.COOPERATION_EVENTS, "CooperationEvent",
            WaitlistPromoted.class),
    ATTENDANCE_RECORDED("events.AttendanceRecorded", 1, Topics.COOPERATION_EVENTS, "CooperationEvent",
            AttendanceRecorded.class),
    REGISTRATION_AFFECTED("events.RegistrationAffected", 1, Topics.COOPERATION_EVENTS, "CooperationEvent",
            RegistrationAffected.class),
    MATCHING_EVENT_HELD("matching.MatchingEventHeld", 1, Topics.MATCHING_EVENTS, "MatchingEvent",
            MatchingEventHeld.class),
    MATCH_ACCEPTED("matching.MatchAccepted", 1, Topics.MATCHING_EVENTS, "MatchingEvent", MatchAccepted.class),
    MEETING_HELD("matching.MeetingHeld", 1, Topics.MATCHING_EVENTS, "MatchingEvent", MeetingHeld.class),
    MEETING_NO_SHOW("matching.MeetingNoShow", 1, Topics.MATCHING_EVENTS, "MatchingEvent", MeetingNoShow.class),
    BUSINESS_AGREEMENT_REACHED("matching.BusinessAgreementReached", 1, Topics.MATCHING_EVENTS, "MatchingEvent",
            BusinessAgreementReached.class),
    // Action plans: on the partnership's topic, keyed by the partnership (the payload's aggregateId), so that a
    // partnership's plan arrives in order; aggregate type Action, aggregateVersion the version of payload.actionId.
    ACTION_PLANNED("partnership.ActionPlanned", 1, Topics.PARTNERSHIPS, "Action", ActionPlanned.class),
    ACTION_STATUS_CHANGED("partnership.ActionStatusChanged", 1, Topics.PARTNERSHIPS, "Action",
            ActionStatusChanged.class),
    // Issue 11, programmes and the partnership lifecycle:
    PARTNERSHIP_STATUS_CHANGED("partnership.PartnershipStatusChanged", 1, Topics.PARTNERSHIPS, "Partnership",
            PartnershipStatusChanged.class),
    PARTNERSHIP_CHANGED("partnership.PartnershipChanged", 1, Topics.PARTNERSHIPS, "Partnership",
            PartnershipChanged.class),
    PROGRAMME_REGISTERED("partnership.ProgrammeRegistered", 1, Topics.PROGRAMMES, "Programme",
            ProgrammeRegistered.class),
    PROGRAMME_CHANGED("partnership.ProgrammeChanged", 1, Topics.PROGRAMMES, "Programme", ProgrammeChanged.class),
    // Issue 11, cities and organisations:
    CITY_REGISTERED("partnership.CityRegistered", 1, Topics.CITIES, "City", CityRegistered.class),
    CITY_CHANGED("partnership.CityChanged", 1, Topics.CITIES, "City", CityChanged.class),
    ORGANISATION_REGISTERED("partnership.OrganisationRegistered", 1, Topics.ORGANISATIONS, "Organisation",
            OrganisationRegistered.class),
    ORGANISATION_CHANGED("partnership.OrganisationChanged", 1, Topics.ORGANISATIONS, "Organisation",
            OrganisationChanged.class),
    // Issue 13, business matching: profiles (never their contacts) and opportunities.
    BUSINESS_PROFILE_REGISTERED("matching.BusinessProfileRegistered", 1, Topics.BUSINESS_PROFILES, "BusinessProfile",
            BusinessProfileRegistered.class),
    BUSINESS_PROFILE_CHANGED("matching.BusinessProfileChanged", 1, Topics.BUSINESS_PROFILES, "BusinessProfile",
            BusinessProfileChanged.class),
    OPPORTUNITY_PUBLISHED("matching.OpportunityPublished", 1, Topics.OPPORTUNITIES, "Opportunity",
            OpportunityPublished.class),
    OPPORTUNITY_CHANGED("matching.OpportunityChanged", 1, Topics.OPPORTUNITIES, "Opportunity",
            OpportunityChanged.class),
    OPPORTUNITY_EXPIRED("matching.OpportunityExpired", 1, Topics.OPPORTUNITIES, "Opportunity",
            OpportunityExpired.class),
    OPPORTUNITY_WITHDRAWN("matching.OpportunityWithdrawn", 1, Topics.OPPORTUNITIES, "Opportunity",
            OpportunityWithdrawn.class),
    // Issue 13, the match lifecycle: a match is its own aggregate (it need not belong to a matching event).
    MATCH_PROPOSED("matching.MatchProposed", 1, Topics.MATCHES, "Match", MatchProposed.class),
    INTEREST_EXPRESSED("matching.InterestExpressed", 1, Topics.MATCHES, "Match", InterestExpressed.class),
    MATCH_CONFIRMED("matching.MatchConfirmed", 1, Topics.MATCHES, "Match", MatchConfirmed.class),
    MATCH_DECLINED("matching.MatchDeclined", 1, Topics.MATCHES, "Match", MatchDeclined.class),
    MATCH_EXPIRED("matching.MatchExpired", 1, Topics.MATCHES, "Match", MatchExpired.class),
    COOPERATION_AGREEMENT_REACHED("matching.CooperationAgreementReached", 1, Topics.MATCHES, "Match",
            CooperationAgreementReached.class),
    // Issue 12/14, B2B meetings: a meeting is its own aggregate (key: meetingId), for the personal calendar feeds.
    MEETING_SCHEDULED("matching.MeetingScheduled", 1, Topics.MEETINGS, "Meeting", MeetingScheduled.class),
    MEETING_RESCHEDULED("matching.MeetingRescheduled", 1, Topics.MEETINGS, "Meeting", MeetingRescheduled.class),
    MEETING_CANCELLED("matching.MeetingCancelled", 1, Topics.MEETINGS, "Meeting", MeetingCancelled.class);

    /** By name and version: a breaking change is a new version of the same name, published beside the old one. */
    private static final Map<String, IntegrationEventType> BY_NAME_AND_VERSION = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(t -> key(t.typeName, t.version), Function.identity()));
    private static final Map<Class<?>, IntegrationEventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(IntegrationEventType::payloadClass, Function.identity()));

    private final String typeName;
    private final int version;
    private final String topic;
    private final String aggregateType;
    private final Class<? extends IntegrationEvent> payloadClass;

    IntegrationEventType(String typeName, int version, String topic, String aggregateType,
            Class<? extends IntegrationEvent> payloadClass) {
        this.typeName = typeName;
        this.version = version;
        this.topic = topic;
        this.aggregateType = aggregateType;
        this.payloadClass = payloadClass;
    }

    public String typeName() {
        return typeName;
    }

    public int version() {
        return version;
    }

    public String topic() {
        return topic;
    }

    public String aggregateType() {
        return aggregateType;
    }

    public Class<? extends IntegrationEvent> payloadClass() {
        return payloadClass;
    }

    /** Classpath location of the payload's JSON Schema. */
    public String schemaResource() {
        return "integration-events/schemas/" + typeName + ".v" + version + ".json";
    }

    /** The {@code dataschema} URI partners see in headers and in the AsyncAPI document. */
    public String schemaUri() {
        return "urn:urban-cooperation:schema:" + typeName + ":v" + version;
    }

    /** Classpath location of the golden sample: a complete envelope as it appears on the topic. */
    public String sampleResource() {
        return "integration-events/samples/" + typeName + ".v" + version + ".json";
    }

    public static Optional<IntegrationEventType> byName(String typeName, int version) {
        return Optional.ofNullable(BY_NAME_AND_VERSION.get(key(typeName, version)));
    }

    private static String key(String typeName, int version) {
        return typeName + ":v" + version;
    }

    public static IntegrationEventType of(IntegrationEvent payload) {
        return of(payload.getClass());
    }

    public static IntegrationEventType of(Class<?> payloadClass) {
        IntegrationEventType type = BY_CLASS.get(payloadClass);
        if (type == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " is not a registered integration event");
        }
        return type;
    }
}
