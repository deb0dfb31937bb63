package org.urbancooperation.partnership.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

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

/** /api/v1/programmes over HTTP, per role, with bad input per field. */
class ProgrammeApiTest extends ServiceApiTest {

    static final String IURC = """
            {"id": "%s", "names": {"en": "International Urban and Regional Cooperation"},
             "continues": %s,
             "networks": [
               {"id": "urban-mobility", "names": {"en": "Urban Mobility, Connectivity & Transport"}},
               {"id": "smart-cities", "names": {"en": "Smart Cities & Digital Transition"}},
               {"id": "urban-regeneration", "names": {"en": "Urban Regeneration-Urban Renewal: Poverty reduction, Housing, Social"}},
               {"id": "circular-economy", "names": {"en": "Circular Economy, Waste & Sustainable Production/Consumption"}},
               {"id": "sustainable-land-use", "names": {"en": "Urban Planning for Sustainable & Healthy Cities- Sustainable Land Use-NBS"}},
               {"id": "climate-energy-water-air", "names": {"en": "Climate Action, Energy, Water & Air Quality"}},
               {"id": "innovation-jobs", "names": {"en": "Innovation & Economic Growth-Strategic Sectors-Jobs & Skills"}}]}""";

    @Test
    void operatorsRegisterAndChangeProgrammesAndAnybodyReadsThem() {
        HttpResponse<String> iucAsia = http().postJson("/api/v1/programmes", """
                {"id": "iuc-asia-p1", "names": {"en": "International Urban Cooperation Asia"},
                 "regions": ["China", "India", "Japan"]}""");
        assertThat(iucAsia.statusCode()).as(iucAsia.body()).isEqualTo(201);
        HttpResponse<String> created = http().postJson("/api/v1/programmes", IURC.formatted("iurc-p1", "\"iuc-asia-p1\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/programmes/iurc-p1");
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode body = ServiceHttp.json(created);
        assertThat(body.path("networks").size()).isEqualTo(7);
        assertThat(body.path("continues").asString()).isEqualTo("iuc-asia-p1");

        assertThat(http().postJson("/api/v1/programmes", IURC.formatted("iurc-p1", "null")).statusCode())
                .as("the id is taken").isEqualTo(409);

        for (var reader : List.of(anonymous(), as(TestIdentities.HYDROGEN), as(TestIdentities.ESSEN))) {
            HttpResponse<String> read = reader.get("/api/v1/programmes/iurc-p1");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.headers().firstValue("ETag")).contains("\"1\"");
        }
        assertThat(anonymous().get("/api/v1/programmes/nothing-here").statusCode()).isEqualTo(404);

        HttpResponse<String> changed = patch(http(), "/api/v1/programmes/iurc-p1",
                "{\"names\": {\"en\": \"International Urban and Regional Cooperation\", \"ja\": \"国際都市・地域協力\"}}",
                "\"1\"");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(ServiceHttp.json(changed).path("names").path("ja").asString()).isEqualTo("国際都市・地域協力");
        assertThat(patch(http(), "/api/v1/programmes/iurc-p1", "{\"regions\": [\"Asia\"]}", "\"1\"").statusCode())
                .isEqualTo(412);

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.PROGRAMMES,
                "iurc-p1", 2);
        assertThat(records).extracting(r -> KafkaTestClients.header(r, KafkaHeaders.TYPE))
                .containsExactly("partnership.ProgrammeRegistered", "partnership.ProgrammeChanged");
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope envelope = mapper.fromBytes(record.value());
            assertThat(new IntegrationEventSchemas(mapper).violations(envelope)).isEmpty();
        }
        assertThat(mapper.fromBytes(records.get(1).value()).payload().path("changed").get(0).asString())
                .isEqualTo("names");
    }

    @Test
    void onlyOperatorsRegisterOrChange() {
        String body = IURC.formatted("iurc-roles", "null");
        assertThat(as(TestIdentities.ESSEN).postJson("/api/v1/programmes", body).statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.HYDROGEN).postJson("/api/v1/programmes", body).statusCode()).isEqualTo(403);
        assertThat(anonymous().postJson("/api/v1/programmes", body).statusCode()).isEqualTo(401);
        assertThat(http().get("/api/v1/programmes/iurc-roles").statusCode()).as("nothing stored").isEqualTo(404);
        assertThat(http().postJson("/api/v1/programmes", body).statusCode()).isEqualTo(201);
        assertThat(patch(as(TestIdentities.ESSEN), "/api/v1/programmes/iurc-roles", "{\"regions\": [\"Asia\"]}", null)
                .statusCode()).isEqualTo(403);
        assertThat(patch(anonymous(), "/api/v1/programmes/iurc-roles", "{\"regions\": [\"Asia\"]}", null)
                .statusCode()).isEqualTo(401);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        assertBad(IURC.formatted("Bad Id", "null"), "id", 400);
        assertBad(IURC.formatted("bad-names", "null").replace("\"en\": \"International", "\"ja\": \"International"),
                "names.en", 400);
        assertBad(IURC.formatted("bad-network", "null").replace("\"urban-mobility\"", "\"Urban Mobility\""),
                "networks[0].id", 400);
        assertBad(IURC.formatted("bad-network-twice", "null").replace("\"smart-cities\"", "\"urban-mobility\""),
                "networks[1].id", 400);
        assertBad(IURC.formatted("bad-period", "null").replace("\"networks\"",
                "\"period\": {\"from\": \"2021-01-01\", \"to\": \"2020-01-01\"}, \"networks\""), "period.to", 400);
        assertBad(IURC.formatted("bad-funder", "null").replace("\"networks\"", "\"funder\": \" \", \"networks\""),
                "funder", 400);
        assertBad(IURC.formatted("bad-continues", "\"never-registered\""), "continues", 422);
        assertBad(IURC.formatted("bad-field", "null").replace("\"networks\"", "\"version\": 3, \"networks\""),
                "version", 400);
        for (String id : List.of("bad-names", "bad-network", "bad-network-twice", "bad-period", "bad-funder",
                "bad-continues", "bad-field")) {
            assertThat(http().get("/api/v1/programmes/" + id).statusCode()).as(id).isEqualTo(404);
        }
    }

    @Test
    void pagesThroughProgrammesWithACursor() {
        for (int i = 0; i < 5; i++) {
            assertThat(http().postJson("/api/v1/programmes", IURC.formatted("paged-" + i, "null")).statusCode())
                    .isEqualTo(201);
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = ServiceHttp.json(anonymous().get("/api/v1/programmes?limit=2"
                    + (next == null ? "" : "&cursor=" + next)));
            assertThat(page.path("items").size()).isLessThanOrEqualTo(2);
            page.path("items").forEach(p -> seen.add(p.path("id").asString()));
            next = page.path("next").isNull() ? null : page.path("next").asString();
        } while (next != null);
        assertThat(seen).doesNotHaveDuplicates().contains("paged-0", "paged-1", "paged-2", "paged-3", "paged-4");
        assertThat(anonymous().get("/api/v1/programmes?cursor=c1.bm9wZQ.AAAA").statusCode()).isEqualTo(400);
        assertThat(anonymous().get("/api/v1/programmes?limit=0").statusCode()).isEqualTo(400);
    }

    static HttpResponse<String> patch(ServiceHttp client, String path, String json, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path))
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return client.send(request);
    }

    private void assertBad(String body, String field, int status) {
        HttpResponse<String> response = http().postJson("/api/v1/programmes", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        if (status == 400) {
            List<String> fields = ServiceHttp.json(response).path("errors").valueStream()
                    .map(e -> e.path("field").asString()).toList();
            assertThat(fields).as(response.body()).contains(field);
        } else {
            assertThat(response.body()).contains(field);
        }
    }
}
