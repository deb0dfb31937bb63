package org.urbancooperation.partnership.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.partnership.access.domain.PlainApiKey;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.PaginationCheck;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import tools.jackson.databind.JsonNode;

/** The secretariat's API keys over HTTP, and what the gateway reads of them on {@code access.api-key}. */
// One partition, so that the order of two keys' events on the topic can be seen at all.
@TestPropertySource(properties = "ucp.messaging.partitions=1")
class ApiKeyApiTest extends ServiceApiTest {

    static final String ESSEN_KEY = """
            {"role": "partner", "organisationId": "city-of-essen", "label": "City of Essen integration",
             "expiresAt": "2099-01-01T00:00:00Z"}""";


    @Test
    void anOperatorIssuesAPartnerKeyThatIsShownOnceAndPublishedAsItsHashOnly() {
        HttpResponse<String> created = http().postJson("/api/v1/api-keys", ESSEN_KEY, "X-Correlation-Id", "issue-1");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = ServiceHttp.json(created);
        String keyId = body.path("keyId").asString();
        String key = body.path("key").asString();
        assertThat(key).matches("ucp_" + keyId + "_[A-Za-z0-9_-]{43}");
        String secret = key.substring(("ucp_" + keyId + "_").length());
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/api-keys/" + keyId);
        assertThat(body.path("role").asString()).isEqualTo("partner");
        assertThat(body.path("organisationId").asString()).isEqualTo("city-of-essen");
        assertThat(body.path("label").asString()).isEqualTo("City of Essen integration");
        assertThat(body.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(body.path("expiresAt").asString()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(body.has("secretHash")).isFalse();

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.API_KEYS, keyId, 1);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(record.key()).isEqualTo(keyId);
        assertThat(KafkaTestClients.header(record, KafkaHeaders.TYPE)).isEqualTo("access.ApiKeyIssued");
        assertThat(KafkaTestClients.header(record, KafkaHeaders.CORRELATION_ID)).isEqualTo("issue-1");
        EventEnvelope envelope = mapper.fromBytes(record.value());
        assertThat(new IntegrationEventSchemas(mapper).violations(envelope)).isEmpty();
        assertThat(envelope.aggregateType()).isEqualTo("ApiKey");
        JsonNode payload = envelope.payload();
        assertThat(payload.path("keyId").asString()).isEqualTo(keyId);
        assertThat(payload.path("secretHash").asString()).isEqualTo(PlainApiKey.hashOf(secret));
        assertThat(payload.path("role").asString()).isEqualTo("partner");
        assertThat(payload.path("organisationId").asString()).isEqualTo("city-of-essen");
        assertThat(payload.path("label").asString()).isEqualTo("City of Essen integration");
        assertNoSecretIn(record, secret);

        JsonNode read = ServiceHttp.json(http().get("/api/v1/api-keys/" + keyId));
        assertThat(read.path("keyId").asString()).isEqualTo(keyId);
        assertThat(read.has("key")).isFalse();
        assertThat(read.has("secretHash")).isFalse();
        assertThat(read.toString()).doesNotContain(secret, PlainApiKey.hashOf(secret));
    }

    @Test
    void theListShowsKeysWithoutKeysOrHashes() {
        JsonNode issued = ServiceHttp.json(http().postJson("/api/v1/api-keys",
                "{\"role\": \"business\", \"businessId\": \"hydrogen-koriyama\", \"label\": \"Hydrogen Koriyama shop\"}"));
        String secret = issued.path("key").asString().substring(21);

        HttpResponse<String> listed = http().get("/api/v1/api-keys?limit=200");

        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode list = ServiceHttp.json(listed).path("items");
        assertThat(list.valueStream().map(k -> k.path("keyId").asString()))
                .contains(issued.path("keyId").asString());
        for (JsonNode k : list) {
            assertThat(k.has("key")).isFalse();
            assertThat(k.has("secretHash")).isFalse();
        }
        assertThat(listed.body()).doesNotContain(secret, PlainApiKey.hashOf(secret), "ucp_");
        http().postJson("/api/v1/api-keys", ESSEN_KEY.replace("essen", "koriyama").replace("Essen", "Koriyama"));
        JsonNode koriyama = ServiceHttp.json(http().get("/api/v1/api-keys?organisationId=city-of-koriyama"))
                .path("items");
        assertThat(koriyama.valueStream().map(k -> k.path("organisationId").asString()))
                .isNotEmpty().containsOnly("city-of-koriyama");
    }

    @Test
    void aWalkThroughAnOrganisationsKeysSeesEveryKeyOnceWhileKeysAreIssuedAndRevoked() {
        String organisation = "paging-" + UUID.randomUUID().toString().substring(0, 8);
        String key = ESSEN_KEY.replace("city-of-essen", organisation);
        PaginationCheck.of(http(), "/api/v1/api-keys?organisationId=" + organisation)
                .idField("keyId")
                .creating(() -> {
                    HttpResponse<String> issued = http().postJson("/api/v1/api-keys", key);
                    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
                    return ServiceHttp.json(issued).path("keyId").asString();
                })
                .changing(keyId -> assertThat(http().send(HttpRequest.newBuilder(
                        http().uri("/api/v1/api-keys/" + keyId)).DELETE()).statusCode()).isEqualTo(204))
                .verify();
    }

    @Test
    void rotatingIssuesANewKeyThenRevokesTheOldOneInThatOrderOnTheTopic() {
        JsonNode old = ServiceHttp.json(http().postJson("/api/v1/api-keys", ESSEN_KEY));
        String oldId = old.path("keyId").asString();
        // As in real life, where a key is rotated long after it was issued.
        assertThat(KafkaTestClients.readWithKey(brokers, Topics.API_KEYS, oldId, 1)).hasSize(1);

        HttpResponse<String> rotated = http().postJson("/api/v1/api-keys/" + oldId + "/rotate", "");

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        JsonNode next = ServiceHttp.json(rotated);
        String newId = next.path("keyId").asString();
        String newSecret = next.path("key").asString().substring(21);
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(next.path("key").asString()).isNotEqualTo(old.path("key").asString());
        assertThat(next.path("replacesKeyId").asString()).isEqualTo(oldId);
        assertThat(next.path("role").asString()).isEqualTo("partner");
        assertThat(next.path("organisationId").asString()).isEqualTo("city-of-essen");
        assertThat(next.path("label").asString()).isEqualTo("City of Essen integration");
        assertThat(ServiceHttp.json(http().get("/api/v1/api-keys/" + oldId)).path("status").asString())
                .isEqualTo("REVOKED");
        assertThat(ServiceHttp.json(http().get("/api/v1/api-keys/" + newId)).path("status").asString())
                .isEqualTo("ACTIVE");

        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            records.clear();
            KafkaTestClients.readAll(brokers, Topics.API_KEYS, Integer.MAX_VALUE, Duration.ofSeconds(1)).stream()
                    .filter(r -> Set.of(oldId, newId).contains(r.key())).forEach(records::add);
            assertThat(records).hasSize(3);
        });
        assertThat(records).extracting(r -> r.key() + " " + KafkaTestClients.header(r, KafkaHeaders.TYPE))
                .containsExactly(oldId + " access.ApiKeyIssued", newId + " access.ApiKeyIssued",
                        oldId + " access.ApiKeyRevoked");
        EventEnvelope issuedNew = mapper.fromBytes(records.get(1).value());
        assertThat(issuedNew.payload().path("secretHash").asString()).isEqualTo(PlainApiKey.hashOf(newSecret));
        assertNoSecretIn(records.get(1), newSecret);
        assertThat(mapper.fromBytes(records.get(2).value()).payload().path("keyId").asString()).isEqualTo(oldId);

        HttpResponse<String> again = http().postJson("/api/v1/api-keys/" + oldId + "/rotate", "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    }

    @Test
    void deletingRevokesOnceAndIsIdempotent() {
        String keyId = ServiceHttp.json(http().postJson("/api/v1/api-keys",
                "{\"role\": \"operator\", \"label\": \"Secretariat reporting\"}")).path("keyId").asString();

        assertThat(delete(http(), "/api/v1/api-keys/" + keyId).statusCode()).isEqualTo(204);
        assertThat(delete(http(), "/api/v1/api-keys/" + keyId).statusCode()).isEqualTo(204);

        JsonNode read = ServiceHttp.json(http().get("/api/v1/api-keys/" + keyId));
        assertThat(read.path("status").asString()).isEqualTo("REVOKED");
        assertThat(read.path("revokedAt").isMissingNode() || read.path("revokedAt").isNull()).isFalse();
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.API_KEYS, keyId, 2);
        assertThat(records).extracting(r -> KafkaTestClients.header(r, KafkaHeaders.TYPE))
                .containsExactly("access.ApiKeyIssued", "access.ApiKeyRevoked");
        EventEnvelope revoked = mapper.fromBytes(records.get(1).value());
        assertThat(revoked.payload().path("keyId").asString()).isEqualTo(keyId);
        assertThat(revoked.aggregateVersion()).isEqualTo(2);
        assertThat(delete(http(), "/api/v1/api-keys/0123456789abcdef").statusCode()).isEqualTo(404);
    }

    @Test
    void partnersAndBusinessesAreRefusedEverywhereAndAnonymousCallersMustAuthenticate() {
        String keyId = ServiceHttp.json(http().postJson("/api/v1/api-keys", ESSEN_KEY)).path("keyId").asString();
        for (CallerIdentity other : List.of(TestIdentities.ESSEN, TestIdentities.HYDROGEN)) {
            assertEveryEndpoint(new ServiceHttp(port).as(other), keyId, 403);
        }
        assertEveryEndpoint(new ServiceHttp(port).anonymous(), keyId, 401);
        assertThat(ServiceHttp.json(http().get("/api/v1/api-keys/" + keyId)).path("status").asString())
                .as("nobody but the operator changed it").isEqualTo("ACTIVE");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsIssued() {
        assertBadField("{\"role\": \"partner\", \"label\": \"No organisation\"}", "organisationId");
        assertBadField("{\"role\": \"partner\", \"organisationId\": \"City of Essen\", \"label\": \"Bad slug\"}",
                "organisationId");
        assertBadField("{\"role\": \"business\", \"label\": \"No business\"}", "businessId");
        assertBadField("{\"role\": \"operator\", \"organisationId\": \"city-of-essen\", \"label\": \"Operator org\"}",
                "organisationId");
        assertBadField("{\"role\": \"admin\", \"label\": \"Unknown role\"}", "role");
        assertBadField("{\"label\": \"No role\"}", "role");
        assertBadField("{\"role\": \"operator\", \"label\": \"" + "x".repeat(101) + "\"}", "label");
        assertBadField("{\"role\": \"operator\", \"label\": \"Past\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}",
                "expiresAt");
        assertBadField("{\"role\": \"operator\", \"label\": \"Bad date\", \"expiresAt\": \"next year\"}", "expiresAt");
        assertBadField(ESSEN_KEY.replace("\"role\"", "\"status\": \"ACTIVE\", \"role\""), "status");
        assertBadField(ESSEN_KEY.replace("\"role\"", "\"keyId\": \"0123456789abcdef\", \"role\""), "keyId");
        assertBadField(ESSEN_KEY.replace("\"role\"", "\"secret\": \"chosen-by-me\", \"role\""), "secret");

        JsonNode all = ServiceHttp.json(http().get("/api/v1/api-keys?limit=200")).path("items");
        assertThat(all.valueStream().map(k -> k.path("label").asString())).doesNotContain("No organisation",
                "Bad slug", "No business", "Operator org", "Unknown role", "No role", "Past", "Bad date");
        assertThat(all.valueStream().map(k -> k.path("keyId").asString())).doesNotContain("0123456789abcdef");
        assertThat(http().get("/api/v1/api-keys/0123456789abcdef").statusCode()).isEqualTo(404);
        assertThat(http().get("/api/v1/api-keys?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void theKeyTopicIsCompactedSoTheGatewayFindsOldKeysWhenItReadsFromTheStart() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            ConfigResource keys = new ConfigResource(ConfigResource.Type.TOPIC, Topics.API_KEYS);
            ConfigResource partnerships = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PARTNERSHIPS);
            var configs = admin.describeConfigs(List.of(keys, partnerships)).all().get();

            assertThat(configs.get(keys).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(partnerships).get("cleanup.policy").value()).isEqualTo("delete");
        }
    }

    @Test
    void theOpenApiDocumentListsTheEndpoints() {
        JsonNode api = ServiceHttp.json(new ServiceHttp(port).get("/v3/api-docs"));

        assertThat(api.path("paths").has("/api/v1/api-keys")).isTrue();
        assertThat(api.path("paths").has("/api/v1/api-keys/{keyId}/rotate")).isTrue();
        PaginationCheck.assertDocumentedAsPage(api, "/api/v1/api-keys");
        assertThat(api.path("paths").path("/api/v1/api-keys").path("post").path("parameters").toString())
                .doesNotContain("caller");
    }

    private void assertEveryEndpoint(ServiceHttp caller, String keyId, int status) {
        List<HttpResponse<String>> responses = List.of(
                caller.postJson("/api/v1/api-keys", ESSEN_KEY),
                caller.get("/api/v1/api-keys"),
                caller.get("/api/v1/api-keys/" + keyId),
                caller.postJson("/api/v1/api-keys/" + keyId + "/rotate", ""),
                delete(caller, "/api/v1/api-keys/" + keyId));
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + " "
                    + response.body()).isEqualTo(status);
            assertThat(response.body()).doesNotContain("ucp_");
        }
    }

    private static HttpResponse<String> delete(ServiceHttp caller, String path) {
        return caller.send(HttpRequest.newBuilder(caller.uri(path)).DELETE());
    }

    private void assertBadField(String body, String field) {
        HttpResponse<String> response = http().postJson("/api/v1/api-keys", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        List<String> fields = ServiceHttp.json(response).path("errors").valueStream()
                .map(e -> e.path("field").asString()).toList();
        assertThat(fields).as(response.body()).contains(field);
    }

    private static void assertNoSecretIn(ConsumerRecord<String, byte[]> record, String secret) {
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(secret, "ucp_");
        assertThat(record.key()).doesNotContain(secret);
        for (Header header : record.headers()) {
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).as(header.key()).doesNotContain(secret);
        }
    }
}
