package org.urbancooperation.contracts.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.IntegrationEventType;
import org.urbancooperation.contracts.Topics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What the gateway relies on in the API key events, beyond what every type is checked for. */
class ApiKeyContractTest {

    private static final String HASH = "ceccd941d85ea5b901058baf4e04c25937d94d963cac4929e48b4be7a41dcac4";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:15:00Z"), ZoneOffset.UTC);

    private final IntegrationEventMapper mapper = new IntegrationEventMapper();
    private final IntegrationEventSchemas schemas = new IntegrationEventSchemas(mapper);

    @Test
    void bothTypesGoToTheCompactedApiKeyTopicKeyedByKeyId() {
        assertThat(IntegrationEventType.API_KEY_ISSUED.topic()).isEqualTo("access.api-key");
        assertThat(IntegrationEventType.API_KEY_REVOKED.topic()).isEqualTo(Topics.API_KEYS);
        assertThat(Topics.COMPACTED).contains(Topics.API_KEYS);
        assertThat(new ApiKeyRevoked("3f9c2a7b1d4e8f60", CLOCK.instant()).aggregateId()).isEqualTo("3f9c2a7b1d4e8f60");
    }

    @Test
    void noFieldCouldCarryTheKeyOrItsSecret() {
        assertThat(Arrays.stream(ApiKeyIssued.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("keyId", "secretHash", "role", "organisationId", "businessId", "label", "issuedAt",
                        "expiresAt");
        assertThat(issued("partner", "city-of-essen", null).toString()).doesNotContain(HASH);
    }

    @Test
    void partnerBusinessAndOperatorKeysAreValidWithTheirOwnReferences() {
        assertThat(violations(issued("partner", "city-of-essen", null))).isEmpty();
        assertThat(violations(issued("business", null, "hydrogen-koriyama"))).isEmpty();
        assertThat(violations(issued("operator", null, null))).isEmpty();
    }

    @Test
    void aPartnerKeyNeedsItsOrganisationAndNoBusiness() {
        assertThat(violations(issued("partner", null, null))).anySatisfy(v -> assertThat(v).contains("organisationId"));
        assertThat(violations(issued("partner", "city-of-essen", "robots-essen")))
                .anySatisfy(v -> assertThat(v).contains("businessId"));
        assertThat(violations(issued("business", null, null))).anySatisfy(v -> assertThat(v).contains("businessId"));
        assertThat(violations(issued("operator", "city-of-essen", null)))
                .anySatisfy(v -> assertThat(v).contains("organisationId"));
    }

    @Test
    void keyIdHashAndRoleAreCheckedForFormat() throws IOException {
        ObjectNode sample = (ObjectNode) read(IntegrationEventType.API_KEY_ISSUED.sampleResource());
        ObjectNode payload = (ObjectNode) sample.get("payload");
        payload.put("keyId", "ucp_3f9c2a7b1d4e8f60");
        payload.put("secretHash", HASH.toUpperCase());
        payload.put("role", "admin");

        assertThat(schemas.violations(sample))
                .anySatisfy(v -> assertThat(v).contains("keyId"))
                .anySatisfy(v -> assertThat(v).contains("secretHash"))
                .anySatisfy(v -> assertThat(v).contains("role"));
    }

    @Test
    void goldenSampleUsesTheSeedsNames() throws IOException {
        JsonNode payload = read(IntegrationEventType.API_KEY_ISSUED.sampleResource()).path("payload");

        assertThat(payload.path("label").asString()).isEqualTo("City of Essen integration");
        assertThat(payload.path("organisationId").asString()).isEqualTo("city-of-essen");
    }

    private java.util.List<String> violations(ApiKeyIssued payload) {
        return schemas.violations(mapper.envelope(payload, 1, "partnership-service", null, CLOCK));
    }

    private static ApiKeyIssued issued(String role, String organisationId, String businessId) {
        return new ApiKeyIssued("3f9c2a7b1d4e8f60", HASH, role, organisationId, businessId, "City of Essen integration",
                CLOCK.instant(), null);
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            return mapper.jsonMapper().readTree(in);
        }
    }
}
