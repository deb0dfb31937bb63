package org.urbancooperation.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.urbancooperation.contracts.access.ApiKeyIssued;
import org.urbancooperation.contracts.access.ApiKeyRevoked;
import org.urbancooperation.contracts.events.CooperationEventScheduled;
import org.urbancooperation.contracts.matching.MatchingEventOpened;
import org.urbancooperation.contracts.partnership.AgreementSigned;
import org.urbancooperation.contracts.partnership.CityChanged;
import org.urbancooperation.contracts.partnership.CityRegistered;
import org.urbancooperation.contracts.partnership.OrganisationChanged;
import org.urbancooperation.contracts.partnership.OrganisationRegistered;
import org.urbancooperation.contracts.partnership.PartnershipEstablished;

/**
 * The catalogue of integration events. Adding a type means: a payload record, a JSON Schema and a
 * golden sample under {@code integration-events/}, and a message in {@code asyncapi.yaml}; the
 * contract tests fail until all four exist.
 */
public enum IntegrationEventType {

    PARTNERSHIP_ESTABLISHED("partnership.PartnershipEstablished", 1, Topics.PARTNERSHIPS, "Partnership",
            PartnershipEstablished.class),
    AGREEMENT_SIGNED("partnership.AgreementSigned", 1, Topics.PARTNERSHIPS, "Partnership",
            AgreementSigned.class),
    COOPERATION_EVENT_SCHEDULED("events.CooperationEventScheduled", 1, Topics.COOPERATION_EVENTS,
            "CooperationEvent", CooperationEventScheduled.class),
    MATCHING_EVENT_OPENED("matching.MatchingEventOpened", 1, Topics.MATCHING_EVENTS, "MatchingEvent",
            MatchingEventOpened.class),
    API_KEY_ISSUED("access.ApiKeyIssued", 1, Topics.API_KEYS, "ApiKey", ApiKeyIssued.class),
    API_KEY_REVOKED("access.ApiKeyRevoked", 1, Topics.API_KEYS, "ApiKey", ApiKeyRevoked.class),
    CITY_REGISTERED("partnership.CityRegistered", 1, Topics.CITIES, "City", CityRegistered.class),
    CITY_CHANGED("partnership.CityChanged", 1, Topics.CITIES, "City", CityChanged.class),
    ORGANISATION_REGISTERED("partnership.OrganisationRegistered", 1, Topics.ORGANISATIONS, "Organisation",
            OrganisationRegistered.class),
    ORGANISATION_CHANGED("partnership.OrganisationChanged", 1, Topics.ORGANISATIONS, "Organisation",
            OrganisationChanged.class);

    private static final Map<String, IntegrationEventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(IntegrationEventType::typeName, Function.identity()));
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
        return Optional.ofNullable(BY_NAME.get(typeName)).filter(t -> t.version == version);
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
