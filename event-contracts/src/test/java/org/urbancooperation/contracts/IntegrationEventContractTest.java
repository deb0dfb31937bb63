package org.urbancooperation.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Golden samples, the production mapper and the JSON Schemas must agree, type by type. */
class IntegrationEventContractTest {

    private final IntegrationEventMapper mapper = new IntegrationEventMapper();
    private final IntegrationEventSchemas schemas = new IntegrationEventSchemas(mapper);

    @ParameterizedTest
    @EnumSource(IntegrationEventType.class)
    void goldenSampleIsValidAgainstTheSchemas(IntegrationEventType type) throws IOException {
        JsonNode sample = read(type.sampleResource());

        assertThat(schemas.violations(sample)).isEmpty();
        assertThat(sample.path("type").asString()).isEqualTo(type.typeName());
        assertThat(sample.path("version").asInt()).isEqualTo(type.version());
        assertThat(sample.path("aggregateType").asString()).isEqualTo(type.aggregateType());
    }

    @ParameterizedTest
    @EnumSource(IntegrationEventType.class)
    void productionMapperRoundTripsTheGoldenSampleUnchanged(IntegrationEventType type) throws IOException {
        JsonNode sample = read(type.sampleResource());

        EventEnvelope envelope = mapper.fromTree(sample);
        IntegrationEvent payload = mapper.payload(envelope, type.payloadClass());
        EventEnvelope rebuilt = new EventEnvelope(envelope.eventId(), envelope.type(), envelope.version(),
                envelope.occurredAt(), envelope.aggregateType(), envelope.aggregateId(),
                envelope.aggregateVersion(), envelope.producer(), envelope.correlationId(),
                mapper.jsonMapper().valueToTree(payload));

        JsonNode written = mapper.jsonMapper().readTree(mapper.toBytes(rebuilt));
        assertThat(written).isEqualTo(sample);
        assertThat(payload.aggregateId()).isEqualTo(envelope.aggregateId());
    }

    @ParameterizedTest
    @EnumSource(IntegrationEventType.class)
    void envelopesBuiltByProducersAreValid(IntegrationEventType type) throws IOException {
        EventEnvelope sample = mapper.fromTree(read(type.sampleResource()));
        IntegrationEvent payload = mapper.payload(sample, type.payloadClass());
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

        EventEnvelope envelope = mapper.envelope(payload, 3, "test-producer", "corr-1", clock);

        assertThat(schemas.violations(envelope)).isEmpty();
        assertThat(envelope.type()).isEqualTo(type.typeName());
        assertThat(envelope.aggregateId()).isEqualTo(payload.aggregateId());
        assertThat(envelope.aggregateVersion()).isEqualTo(3);
        assertThat(envelope.occurredAt()).isEqualTo(clock.instant());
    }

    @ParameterizedTest
    @EnumSource(IntegrationEventType.class)
    void schemaRejectsAPayloadWithoutItsRequiredFields(IntegrationEventType type) throws IOException {
        ObjectNode sample = (ObjectNode) read(type.sampleResource());
        ObjectNode payload = (ObjectNode) sample.get("payload");
        String firstField = payload.propertyNames().iterator().next();
        payload.remove(firstField);

        assertThat(schemas.violations(sample)).anySatisfy(v -> assertThat(v).contains(firstField));
    }

    @Test
    void schemaRejectsWrongValuesAndNamesTheField() throws IOException {
        ObjectNode sample = (ObjectNode) read(IntegrationEventType.PARTNERSHIP_ESTABLISHED.sampleResource());
        ((ObjectNode) sample.get("payload")).put("establishedOn", "27.08.2019");
        ((ObjectNode) sample.get("payload").get("cities").get(0)).put("countryCode", "Germany");

        List<String> violations = schemas.violations(sample);

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("establishedOn"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("countryCode"));
    }

    @Test
    void datesAndInstantsOutsideTheYears1900To2200AreInvalid() throws IOException {
        for (String date : List.of("+10000-01-01", "-0001-01-01", "0000-01-01", "1899-12-31", "2201-01-01")) {
            ObjectNode sample = (ObjectNode) read(IntegrationEventType.PARTNERSHIP_ESTABLISHED.sampleResource());
            ((ObjectNode) sample.get("payload")).put("establishedOn", date);
            assertThat(schemas.violations(sample)).as(date).anySatisfy(v -> assertThat(v).contains("establishedOn"));
        }
        for (String instant : List.of("+10000-01-25T08:00:00Z", "1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z")) {
            ObjectNode sample = (ObjectNode) read(IntegrationEventType.MATCHING_EVENT_OPENED.sampleResource());
            ((ObjectNode) sample.get("payload")).put("startsAt", instant);
            assertThat(schemas.violations(sample)).as(instant).anySatisfy(v -> assertThat(v).contains("startsAt"));
        }
        ObjectNode edge = (ObjectNode) read(IntegrationEventType.PARTNERSHIP_ESTABLISHED.sampleResource());
        ((ObjectNode) edge.get("payload")).put("establishedOn", "2200-12-31");
        assertThat(schemas.violations(edge)).isEmpty();
    }

    @Test
    void envelopeWithUnknownTypeIsInvalid() throws IOException {
        ObjectNode sample = (ObjectNode) read(IntegrationEventType.AGREEMENT_SIGNED.sampleResource());
        sample.put("type", "partnership.PartnershipDissolved");

        assertThat(schemas.violations(sample)).singleElement().asString().contains("unknown integration event");
    }

    @Test
    void consumersIgnoreUnknownFieldsSoThatAdditiveChangesKeepTheVersion() throws IOException {
        ObjectNode sample = (ObjectNode) read(IntegrationEventType.PARTNERSHIP_ESTABLISHED.sampleResource());
        sample.put("addedLater", true);
        ((ObjectNode) sample.get("payload")).put("website", "https://www.essen.de");

        EventEnvelope envelope = mapper.fromBytes(mapper.jsonMapper().writeValueAsBytes(sample));

        assertThat(mapper.payload(envelope, org.urbancooperation.contracts.partnership.PartnershipEstablished.class)
                .name()).startsWith("Essen");
    }

    @Test
    void bytesThatAreNotAnEnvelopeAreRejectedAsInvalid() {
        assertThatThrownBy(() -> mapper.fromBytes("not json".getBytes()))
                .isInstanceOf(InvalidIntegrationEventException.class);
        assertThatThrownBy(() -> mapper.fromBytes("{\"type\":\"x\"}".getBytes()))
                .isInstanceOf(InvalidIntegrationEventException.class);
    }

    @Test
    void typeNamesWithTheirVersionsAreUniqueAndResolvable() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (IntegrationEventType type : IntegrationEventType.values()) {
            assertThat(seen.add(type.typeName() + " v" + type.version())).as(type.name()).isTrue();
            assertThat(IntegrationEventType.byName(type.typeName(), type.version())).contains(type);
            assertThat(IntegrationEventType.byName(type.typeName(), 0)).isEmpty();
            // Versions of one name are numbered from 1 without gaps: v2 exists only beside v1.
            for (int older = 1; older < type.version(); older++) {
                assertThat(IntegrationEventType.byName(type.typeName(), older)).as(type.name() + " v" + older)
                        .isPresent();
            }
        }
        assertThat(IntegrationEventType.byName("events.CooperationEventScheduled", 3)).isEmpty();
    }

    /** A v2 beside v1: one name, its own record, schema, sample and schema URI, resolved by the envelope's version. */
    @Test
    void twoVersionsOfOneTypeAreTwoContracts() throws IOException {
        IntegrationEventType v1 = IntegrationEventType.byName("events.CooperationEventScheduled", 1).orElseThrow();
        IntegrationEventType v2 = IntegrationEventType.byName("events.CooperationEventScheduled", 2).orElseThrow();
        assertThat(v1).isNotEqualTo(v2);
        assertThat(v1.topic()).isEqualTo(v2.topic());
        assertThat(v2.payloadClass()).isEqualTo(org.urbancooperation.contracts.events.CooperationEventScheduledV2.class);
        assertThat(v2.schemaUri()).endsWith(":v2");
        assertThat(IntegrationEventType.of(org.urbancooperation.contracts.events.CooperationEventScheduledV2.class))
                .isEqualTo(v2);
        EventEnvelope envelope = mapper.fromTree(read(v2.sampleResource()));
        assertThat(envelope.version()).isEqualTo(2);
        org.urbancooperation.contracts.events.CooperationEventScheduledV2 payload = mapper.payload(envelope,
                org.urbancooperation.contracts.events.CooperationEventScheduledV2.class);
        assertThat(payload.partnershipIds()).hasSize(1);
        // The v2 sample is not a valid v1 message: a consumer that reads v1 only must not take it for one.
        tools.jackson.databind.node.ObjectNode asV1 = (tools.jackson.databind.node.ObjectNode) read(
                v2.sampleResource());
        asV1.put("version", 1);
        assertThat(schemas.violations(asV1)).isNotEmpty();
    }

    static JsonNode read(String resource) throws IOException {
        try (InputStream in = IntegrationEventContractTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new IntegrationEventMapper().jsonMapper().readTree(in);
        }
    }

    static List<String> names(Iterable<String> it) {
        List<String> out = new ArrayList<>();
        it.forEach(out::add);
        return out;
    }
}
