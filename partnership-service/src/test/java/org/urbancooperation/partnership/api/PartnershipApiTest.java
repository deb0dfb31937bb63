package org.urbancooperation.partnership.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import tools.jackson.databind.JsonNode;

/** partnership-service over HTTP, with the Mongo server and an embedded KRaft broker. */
class PartnershipApiTest extends ServiceApiTest {

    static final String ESSEN_KORIYAMA = """
            {"name": "%s",
             "cities": [{"name": "Essen", "countryCode": "DE", "timeZone": "Europe/Berlin"},
                        {"name": "Koriyama", "countryCode": "JP", "timeZone": "Asia/Tokyo"}],
             "themes": ["renewable-energy", "medical-devices", "education"],
             "partnerOrganisations": ["city-of-essen", "city-of-koriyama"],
             "establishedOn": "2019-08-27"}""";


    @Test
    void establishingAPartnershipPublishesPartnershipEstablished() {
        HttpResponse<String> created = http().postJson("/api/v1/partnerships",
                ESSEN_KORIYAMA.formatted("Essen - Koriyama"), "X-Correlation-Id", "partner-req-1");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = ServiceHttp.json(created);
        String id = body.path("id").asString();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/partnerships/" + id);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(body.path("cities").get(1).path("timeZone").asString()).isEqualTo("Asia/Tokyo");

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.PARTNERSHIPS, id, 1);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(KafkaTestClients.header(record, KafkaHeaders.TYPE)).isEqualTo("partnership.PartnershipEstablished");
        assertThat(KafkaTestClients.header(record, KafkaHeaders.SOURCE)).isEqualTo("partnership-service");
        assertThat(KafkaTestClients.header(record, KafkaHeaders.CORRELATION_ID)).isEqualTo("partner-req-1");
        EventEnvelope envelope = mapper.fromBytes(record.value());
        assertThat(new IntegrationEventSchemas(mapper).violations(envelope)).isEmpty();
        assertThat(envelope.payload().path("themes").size()).isEqualTo(3);
        assertThat(envelope.payload().path("establishedOn").asString()).isEqualTo("2019-08-27");
    }

    @Test
    void agreementsAreSignedWithOptimisticLocking() {
        String location = http().postJson("/api/v1/partnerships", ESSEN_KORIYAMA.formatted("Essen - Koriyama agreements"))
                .headers().firstValue("Location").orElseThrow();
        String agreement = "{\"title\": \"Agreement on continued cooperation\", \"signedOn\": \"2019-09-20\"}";

        HttpResponse<String> signed = http().postJson(location + "/agreements", agreement, "If-Match", "\"1\"");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(ServiceHttp.json(signed).path("agreements").get(0).path("title").asString())
                .isEqualTo("Agreement on continued cooperation");

        assertThat(http().postJson(location + "/agreements", agreement, "If-Match", "\"1\"").statusCode()).isEqualTo(412);
        assertThat(http().postJson(location + "/agreements", agreement).statusCode()).isEqualTo(200);
        assertThat(http().get(location).headers().firstValue("ETag")).contains("\"3\"");

        String id = location.substring(location.lastIndexOf('/') + 1);
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.PARTNERSHIPS, id, 3);
        assertThat(records).extracting(r -> mapper.fromBytes(r.value()).aggregateVersion()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void listsPartnershipsByExactName() {
        http().postJson("/api/v1/partnerships", ESSEN_KORIYAMA.formatted("Listed by name"));

        JsonNode found = ServiceHttp.json(http().get("/api/v1/partnerships?name=Listed%20by%20name"));
        assertThat(found.path("items").size()).isEqualTo(1);
        assertThat(found.path("items").get(0).path("version").asLong()).isEqualTo(1);
        assertThat(found.path("next").isNull()).isTrue();
        assertThat(ServiceHttp.json(http().get("/api/v1/partnerships?name=Nobody")).path("items").size()).isZero();
        assertThat(http().get("/api/v1/partnerships?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        assertBadField(ESSEN_KORIYAMA.formatted("Bad zone").replace("Asia/Tokyo", "JST"), "cities[1].timeZone");
        assertBadField(ESSEN_KORIYAMA.formatted("Bad country").replace("\"JP\"", "\"Japan\""), "cities[1].countryCode");
        assertBadField(ESSEN_KORIYAMA.formatted("Bad date").replace("2019-08-27", "27 Aug 2019"), "establishedOn");
        assertBadField(ESSEN_KORIYAMA.formatted("Mass assignment").replace("\"themes\"", "\"version\": 7, \"themes\""),
                "version");
        assertBadField(ESSEN_KORIYAMA.formatted(""), "name");
        assertBadField(ESSEN_KORIYAMA.formatted("Bad org").replace("city-of-essen", "City of Essen"),
                "partnerOrganisations[0]");
        assertBadField(ESSEN_KORIYAMA.formatted("Bad year").replace("2019-08-27", "+10000-01-01"), "establishedOn");
        assertBadField(ESSEN_KORIYAMA.formatted("Bad year").replace("2019-08-27", "1899-12-31"), "establishedOn");
        assertBadField(ESSEN_KORIYAMA.formatted("Bad\\u202Ename"), "name");

        JsonNode all = ServiceHttp.json(http().get("/api/v1/partnerships?limit=200")).path("items");
        for (JsonNode p : all) {
            assertThat(p.path("name").asString()).doesNotStartWith("Bad").isNotEqualTo("Mass assignment");
        }
        assertThat(http().get("/api/v1/partnerships/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void partnersActOnlyForTheirOwnOrganisationsPartnerships() {
        String body = ESSEN_KORIYAMA.formatted("Essen - Koriyama by Essen");
        HttpResponse<String> byEssen = as(TestIdentities.ESSEN).postJson("/api/v1/partnerships", body);
        assertThat(byEssen.statusCode()).as(byEssen.body()).isEqualTo(201);
        String location = byEssen.headers().firstValue("Location").orElseThrow();

        assertThat(as(TestIdentities.DUESSELDORF).postJson("/api/v1/partnerships",
                ESSEN_KORIYAMA.formatted("Not Duesseldorf's")).statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.HYDROGEN).postJson("/api/v1/partnerships",
                ESSEN_KORIYAMA.formatted("Not a business's")).statusCode()).isEqualTo(403);
        String agreement = "{\"title\": \"Agreement on continued cooperation\", \"signedOn\": \"2019-09-20\"}";
        assertThat(as(TestIdentities.DUESSELDORF).postJson(location + "/agreements", agreement).statusCode())
                .isEqualTo(403);
        assertThat(as(TestIdentities.ROBOTS).postJson(location + "/agreements", agreement).statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.KORIYAMA).postJson(location + "/agreements", agreement).statusCode()).isEqualTo(200);

        // An ACTIVE partnership (today's body establishes one) is read by anybody; changing needs an identity.
        assertThat(as(TestIdentities.HYDROGEN).get(location).statusCode()).isEqualTo(200);
        assertThat(new ServiceHttp(port).get(location).statusCode()).isEqualTo(200);
        assertThat(new ServiceHttp(port).get("/api/v1/partnerships").statusCode()).isEqualTo(200);
        assertThat(new ServiceHttp(port).postJson("/api/v1/partnerships", body).statusCode()).isEqualTo(401);
        assertThat(ServiceHttp.json(http().get("/api/v1/partnerships?name=Not%20Duesseldorf's")).path("items").size())
                .isZero();
    }

    @Test
    void servesItsOpenApiDocumentProbesAndMetrics() {
        JsonNode api = ServiceHttp.json(http().get("/v3/api-docs"));
        assertThat(api.path("paths").has("/api/v1/partnerships")).isTrue();
        assertThat(api.path("paths").has("/api/v1/partnerships/{id}/agreements")).isTrue();
        // A multi-language text's keys are language tags, in the document too (requests and answers alike).
        JsonNode schemas = api.path("components").path("schemas");
        assertThat(schemas.path("EstablishPartnershipRequest").path("properties").path("names").path("propertyNames")
                .path("$ref").asString()).isEqualTo("#/components/schemas/LanguageTag");
        assertThat(schemas.path("OrganisationPatch").path("properties").path("names").path("propertyNames").isObject())
                .isTrue();
        assertThat(schemas.path("LanguageTag").path("pattern").asString()).isEqualTo("^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$");
        assertThat(http().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(ServiceHttp.json(http().get("/actuator/health/readiness")).path("status").asString()).isEqualTo("UP");
        String metrics = http().get("/actuator/prometheus").body();
        assertThat(metrics).contains("ucp_outbox_pending", "ucp_outbox_published_total", "http_server_requests_seconds");
    }

    private void assertBadField(String body, String field) {
        HttpResponse<String> response = http().postJson("/api/v1/partnerships", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        List<String> fields = ServiceHttp.json(response).path("errors").valueStream()
                .map(e -> e.path("field").asString()).toList();
        assertThat(fields).as(response.body()).contains(field);
    }
}
