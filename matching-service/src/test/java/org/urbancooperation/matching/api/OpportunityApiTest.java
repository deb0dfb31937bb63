package org.urbancooperation.matching.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.contracts.identity.IdentityTokens;
import org.urbancooperation.matching.testing.MutableClock;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.PaginationCheck;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import tools.jackson.databind.JsonNode;

/** Opportunities over HTTP: lifecycle, who sees and changes what, expiry by time on a clock the test moves. */
@Import(OpportunityApiTest.Clocks.class)
@TestPropertySource(properties = "ucp.matching.expiry-interval=200ms")
class OpportunityApiTest extends ServiceApiTest {

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }

    static final String BASE = "/api/v1/matching/opportunities";

    @Autowired
    MutableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    static String content(String validUntil) {
        return """
                {"type": "TECHNOLOGY_OFFER",
                 "title": {"en": "Autonomous disinfection robots for hospitals (demo)", "ja": "病院向け消毒ロボット（デモ）"},
                 "summary": {"en": "Demo opportunity: UV disinfection robots\\nthat clean hospital wards autonomously."},
                 "sectors": ["MEDICAL_DEVICES"], "subsectors": ["HYGIENE_AND_DISINFECTION"],
                 "keywords": ["UV disinfection", "autonomous robot"], "cooperationTypes": ["DISTRIBUTION"],
                 "targetCountries": ["DE"], "validUntil": "%s"}""".formatted(validUntil);
    }

    static String inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    void profileOf(String businessId) {
        String body = "{\"id\": \"" + businessId + "\", "
                + BusinessProfileApiTest.profile("Koriyama", "x@example.org").strip().substring(1);
        assertThat(http().postJson("/api/v1/matching/profiles", body).statusCode()).isIn(201, 409);
    }

    /** A replacement's content: the type stays what it was drafted as, so a PUT does not take it. */
    static String revision(String validUntil) {
        return content(validUntil).replace("\"type\": \"TECHNOLOGY_OFFER\",", "");
    }

    HttpRequest.Builder delete(String path) {
        return HttpRequest.newBuilder(new ServiceHttp(port).uri(path)).DELETE();
    }

    HttpResponse<String> draft(CallerIdentity who, String body) {
        return as(who).postJson(BASE, body);
    }

    String draftedId(CallerIdentity who, String validUntil) {
        HttpResponse<String> drafted = draft(who, content(validUntil));
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        return ServiceHttp.json(drafted).path("id").asString();
    }

    @Test
    void aDraftIsItsBusinesssAloneUntilPublishedThenEverybodyReadsItAndOnlyItsBusinessOrOperatorsChangeIt() {
        profileOf("hydrogen-koriyama");
        String id = draftedId(TestIdentities.HYDROGEN, inDays(30));
        String path = BASE + "/" + id;
        JsonNode draft = ServiceHttp.json(as(TestIdentities.HYDROGEN).get(path));
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("referenceCode").asString()).startsWith("UCP-TO-");
        assertThat(as(TestIdentities.ROBOTS).get(path).statusCode()).isEqualTo(404);
        assertThat(as(TestIdentities.ESSEN).get(path).statusCode()).isEqualTo(404);
        assertThat(as(TestIdentities.ROBOTS).postJson(path + "/publish", "").statusCode()).isEqualTo(404);
        assertThat(as(TestIdentities.ROBOTS).get(BASE).body()).doesNotContain(id);
        assertThat(anonymous().get(path).statusCode()).isEqualTo(401);

        HttpResponse<String> published = as(TestIdentities.HYDROGEN).postJson(path + "/publish", "",
                "If-Match", "\"1\"");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(published.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(as(TestIdentities.ROBOTS).get(path).statusCode()).isEqualTo(200);
        assertThat(as(TestIdentities.ESSEN).get(BASE + "?keyword=uv%20disinfection&targetCountry=DE").body())
                .contains(id);
        assertThat(as(TestIdentities.ROBOTS).send(delete(path)).statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.ESSEN).send(delete(path)).statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.HYDROGEN).postJson(path + "/publish", "", "If-Match", "\"1\"").statusCode())
                .isEqualTo(412);

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.OPPORTUNITIES, id, 1);
        assertThat(KafkaTestClients.header(records.get(0), KafkaHeaders.TYPE)).isEqualTo("matching.OpportunityPublished");
        EventEnvelope envelope = mapper.fromBytes(records.get(0).value());
        assertThat(new IntegrationEventSchemas(mapper).violations(envelope)).isEmpty();
        assertThat(envelope.payload().path("keywords").toString()).contains("UV disinfection");

        HttpResponse<String> withdrawn = http().send(delete(path + "?reason=Abusive%20content"));
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(ServiceHttp.json(withdrawn).path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(as(TestIdentities.ROBOTS).get(path).statusCode()).isEqualTo(404);
        HttpRequest.Builder change = HttpRequest.newBuilder(new ServiceHttp(port).uri(path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(revision(inDays(40))));
        assertThat(as(TestIdentities.HYDROGEN).send(change).statusCode()).isEqualTo(409);
        List<ConsumerRecord<String, byte[]>> both = KafkaTestClients.readWithKey(brokers, Topics.OPPORTUNITIES, id, 2);
        EventEnvelope withdrawal = mapper.fromBytes(both.get(1).value());
        assertThat(withdrawal.type()).isEqualTo("matching.OpportunityWithdrawn");
        assertThat(withdrawal.payload().path("reason").asString()).isEqualTo("Abusive content");
    }

    @Test
    void aPublishedOpportunityExpiresByItselfAtValidUntilAndARenewalPublishesItAgain() {
        profileOf("robots-essen");
        String id = draftedId(TestIdentities.ROBOTS, inDays(2));
        String path = BASE + "/" + id;
        assertThat(as(TestIdentities.ROBOTS).postJson(path + "/publish", "").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofDays(3));
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.OPPORTUNITIES, id, 2);
        assertThat(KafkaTestClients.header(records.get(1), KafkaHeaders.TYPE)).isEqualTo("matching.OpportunityExpired");
        String[] robotsLater = {IdentityTokens.HEADER, TestIdentities.tokenAt(TestIdentities.ROBOTS, clock)};
        JsonNode expired = ServiceHttp.json(anonymous().get(path, robotsLater));
        assertThat(expired.path("status").asString()).isEqualTo("EXPIRED");
        assertThat(anonymous().get(path, IdentityTokens.HEADER, TestIdentities.tokenAt(TestIdentities.HYDROGEN, clock))
                .statusCode()).isEqualTo(404);

        String later = clock.instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> renewed = anonymous().postJson(path + "/renew", "{\"validUntil\": \"" + later + "\"}",
                robotsLater);
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        assertThat(ServiceHttp.json(renewed).path("status").asString()).isEqualTo("PUBLISHED");
        records = KafkaTestClients.readWithKey(brokers, Topics.OPPORTUNITIES, id, 3);
        assertThat(KafkaTestClients.header(records.get(2), KafkaHeaders.TYPE)).isEqualTo("matching.OpportunityPublished");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsWritten() {
        profileOf("hydrogen-koriyama");
        CallerIdentity noProfile = CallerIdentity.business("no-profile-yet", "no-profile-yet", "jwt");
        HttpResponse<String> unknown = draft(noProfile, content(inDays(10)));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("businessId");
        assertThat(draft(TestIdentities.HYDROGEN, "{\"businessId\": \"robots-essen\", "
                + content(inDays(10)).substring(1)).statusCode()).isEqualTo(403);
        assertRefused(content(inDays(-1)), "validUntil");
        assertRefused(content(inDays(400)), "validUntil");
        assertRefused(content(inDays(10)).replace("\"DE\"", "\"Germany\""),
                "targetCountries[0]");
        assertRefused(content(inDays(10)).replace("\"MEDICAL_DEVICES\"", "\"RENEWABLE_ENERGY\""),
                "subsectors[0]");
        assertRefused(content(inDays(10)).replace("\"DISTRIBUTION\"", "\"DISTRIBUTION\", \"DISTRIBUTION\"")
               , "cooperationTypes");
        assertRefused(content(inDays(10)).replace("\"TECHNOLOGY_OFFER\"", "\"GIFT\""), "type");
        assertThat(as(TestIdentities.HYDROGEN).get(BASE + "?businessId=hydrogen-koriyama&status=DRAFT").body())
                .doesNotContain("Germany");
        HttpResponse<String> badFilter = as(TestIdentities.HYDROGEN).get(BASE + "?status=FORGOTTEN");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.body()).contains("status");
    }

    private void assertRefused(String body, String... anyOfFields) {
        HttpResponse<String> refused = draft(TestIdentities.HYDROGEN, body);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(List.of(anyOfFields)).anySatisfy(f -> assertThat(refused.body()).contains("\"" + f + "\""));
    }

    @Test
    void theListPagesEveryOpportunityExactlyOnce() {
        profileOf("paging-business");
        CallerIdentity owner = CallerIdentity.business("paging-business", "paging-business", "jwt");
        PaginationCheck.of(as(owner), BASE + "?businessId=paging-business")
                .creating(() -> draftedId(owner, inDays(20)))
                .changing(id -> {
                    HttpRequest.Builder change = HttpRequest.newBuilder(new ServiceHttp(port).uri(BASE + "/" + id))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(revision(inDays(25))));
                    assertThat(as(owner).send(change).statusCode()).isEqualTo(200);
                })
                .verify();
    }
}
