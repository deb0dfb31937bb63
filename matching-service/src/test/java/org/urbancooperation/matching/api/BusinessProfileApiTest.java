package org.urbancooperation.matching.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.PaginationCheck;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import tools.jackson.databind.JsonNode;

/** Business profiles over HTTP: who registers, who reads, who sees contacts, what is published. */
class BusinessProfileApiTest extends ServiceApiTest {

    static final String SECRET_EMAIL = "secret-contact@hydrogen-koriyama.example";

    static String profile(String city, String email) {
        return """
                {"names": {"en": "Koriyama Hydrogen Works (demo profile)", "ja": "郡山水素工業（デモ）"},
                 "kind": "COMPANY", "country": "JP", "city": "%s",
                 "sectors": ["RENEWABLE_ENERGY"], "subsectors": ["HYDROGEN", "STORAGE"], "size": "SMALL",
                 "languages": ["ja", "en"], "timeZone": "Asia/Tokyo",
                 "description": {"en": "Demo profile: hydrogen production\\nand storage."},
                 "contacts": [{"name": "Demo Contact", "role": "Sales", "email": "%s", "phone": "+81 24 0000000"}]}"""
                .formatted(city, email);
    }

    HttpResponse<String> put(CallerIdentity who, String id, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(new ServiceHttp(port).uri("/api/v1/matching/profiles/" + id))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return who == null ? anonymous().send(request) : as(who).send(request);
    }

    HttpResponse<String> register(CallerIdentity who, String id, String body) {
        String request = "{\"id\": \"" + id + "\", " + body.strip().substring(1);
        return who == null ? anonymous().postJson("/api/v1/matching/profiles", request)
                : as(who).postJson("/api/v1/matching/profiles", request);
    }

    @Test
    void aBusinessRegistersItsOwnProfileAndOnlyItselfAndOperatorsSeeTheContacts() {
        HttpResponse<String> created = register(TestIdentities.HYDROGEN, "hydrogen-koriyama",
                profile("Koriyama", SECRET_EMAIL));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/matching/profiles/hydrogen-koriyama");
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(created.body()).contains(SECRET_EMAIL);

        String path = "/api/v1/matching/profiles/hydrogen-koriyama";
        assertThat(as(TestIdentities.HYDROGEN).get(path).body()).contains(SECRET_EMAIL);
        assertThat(http().get(path).body()).contains(SECRET_EMAIL);
        for (CallerIdentity other : List.of(TestIdentities.ROBOTS, TestIdentities.ESSEN)) {
            HttpResponse<String> read = as(other).get(path);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).doesNotContain(SECRET_EMAIL).doesNotContain("contacts").contains("HYDROGEN");
            HttpResponse<String> list = as(other).get("/api/v1/matching/profiles?subsector=HYDROGEN");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("hydrogen-koriyama").doesNotContain(SECRET_EMAIL);
        }
        assertThat(anonymous().get(path).statusCode()).isEqualTo(401);
        assertThat(anonymous().get("/api/v1/matching/profiles").statusCode()).isEqualTo(401);

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.BUSINESS_PROFILES,
                "hydrogen-koriyama", 1);
        assertThat(KafkaTestClients.header(records.get(0), KafkaHeaders.TYPE))
                .isEqualTo("matching.BusinessProfileRegistered");
        EventEnvelope envelope = mapper.fromBytes(records.get(0).value());
        assertThat(new IntegrationEventSchemas(mapper).violations(envelope)).isEmpty();
        assertThat(envelope.payload().path("subsectors").toString()).contains("HYDROGEN");
        assertThat(new String(records.get(0).value())).doesNotContain(SECRET_EMAIL).doesNotContain("Demo Contact");
    }

    @Test
    void aBusinessCannotRegisterOrChangeAnotherBusinessesProfile() {
        assertThat(register(TestIdentities.ROBOTS, "hydrogen-koriyama", profile("Koriyama", SECRET_EMAIL))
                .statusCode()).isEqualTo(403);
        assertThat(register(TestIdentities.ESSEN, "robots-essen", profile("Essen", SECRET_EMAIL)).statusCode())
                .isEqualTo(403);
        assertThat(register(null, "robots-essen", profile("Essen", SECRET_EMAIL)).statusCode()).isEqualTo(401);
        assertThat(put(TestIdentities.ROBOTS, "robots-essen", profile("Essen", SECRET_EMAIL)).statusCode())
                .as("a replacement does not create").isEqualTo(404);
        // An operator registers for a business; the business then owns it and another business still may not change it.
        assertThat(register(TestIdentities.OPERATOR, "robots-essen", profile("Essen", "robots@example.org"))
                .statusCode()).isEqualTo(201);
        assertThat(register(TestIdentities.OPERATOR, "robots-essen", profile("Essen", "robots@example.org"))
                .statusCode()).isEqualTo(409);
        HttpResponse<String> foreign = put(TestIdentities.HYDROGEN, "robots-essen", profile("Essen", SECRET_EMAIL));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(put(TestIdentities.ROBOTS, "robots-essen", profile("Essen-Mitte", "robots@example.org"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aReplacementNeedsTheCurrentVersionWhenIfMatchIsGivenAndTheSameContentWritesNothing() {
        String id = "replace-me";
        CallerIdentity owner = CallerIdentity.business(id, id, "jwt");
        assertThat(put(owner, id, profile("Koriyama", "a@example.org"), "If-Match", "\"1\"").statusCode())
                .isEqualTo(404);
        assertThat(register(owner, id, profile("Koriyama", "a@example.org")).statusCode()).isEqualTo(201);
        HttpResponse<String> same = put(owner, id, profile("Koriyama", "a@example.org"), "If-Match", "\"1\"");
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.headers().firstValue("ETag")).contains("\"1\"");
        HttpResponse<String> changed = put(owner, id, profile("Sukagawa", "a@example.org"), "If-Match", "\"1\"");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).contains("\"2\"");
        HttpResponse<String> stale = put(owner, id, profile("Tamura", "a@example.org"), "If-Match", "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(ServiceHttp.json(as(owner).get("/api/v1/matching/profiles/" + id)).path("city").asString())
                .isEqualTo("Sukagawa");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsWritten() {
        String id = "bad-input";
        CallerIdentity owner = CallerIdentity.business(id, id, "jwt");
        assertRefused(owner, id, profile("Koriyama", "a@example.org").replace("\"HYDROGEN\", ", "\"DIAGNOSTICS\", "),
                "subsectors[0]", "sectors");
        assertRefused(owner, id, profile("Koriyama", "not-an-address"), "contacts[0].email");
        assertRefused(owner, id, profile("Koriyama", "a@example.org").replace("\"JP\"", "\"XX\""), "country");
        assertRefused(owner, id, profile("Koriyama", "a@example.org").replace("\"ja\", \"en\"", "\"ja\", \"japanese\""),
                "languages[1]");
        assertRefused(owner, id, profile("Koriyama", "a@example.org").replace("Asia/Tokyo", "+09:00"), "timeZone");
        assertRefused(owner, id, profile("Koriyama", "a@example.org").replace("\"en\": \"Demo profile", "\"de\": \"Demo"),
                "description.en");
        assertRefused(owner, id, profile("Koriyama", "a@example.org").replace("\"SMALL\"", "\"HUGE\""), "size");
        assertThat(as(owner).get("/api/v1/matching/profiles/" + id).statusCode()).isEqualTo(404);
        HttpResponse<String> badFilter = http().get("/api/v1/matching/profiles?sector=MINING");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.body()).contains("sector");
    }

    private void assertRefused(CallerIdentity owner, String id, String body, String... fields) {
        HttpResponse<String> refused = register(owner, id, body);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = ServiceHttp.json(refused);
        for (String field : fields) {
            assertThat(problem.toString()).as(refused.body()).contains("\"" + field + "\"");
        }
    }

    @Test
    void theListPagesEveryProfileExactlyOnce() {
        int[] next = {0};
        PaginationCheck.of(http(), "/api/v1/matching/profiles?country=DE")
                .creating(() -> {
                    String id = "paged-" + next[0]++;
                    assertThat(register(TestIdentities.OPERATOR, id, profile("Essen", "p@example.org")
                            .replace("\"JP\"", "\"DE\"")).statusCode()).isEqualTo(201);
                    return id;
                })
                .changing(id -> assertThat(put(TestIdentities.OPERATOR, id, profile("Essen-" + System.nanoTime(),
                        "p@example.org").replace("\"JP\"", "\"DE\"")).statusCode()).isEqualTo(200))
                .verify();
    }
}
