package org.urbancooperation.matching.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
import org.urbancooperation.matching.match.application.MatchService;
import org.urbancooperation.matching.match.domain.Match;
import org.urbancooperation.matching.matchingevent.persistence.KnownPartnerships;
import org.urbancooperation.matching.testing.MutableClock;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.PaginationCheck;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import tools.jackson.databind.JsonNode;

/**
 * Matches over HTTP and on the topic: the lifecycle for each role, the cap, expiry on a clock the test moves, and
 * the contact reveal through every endpoint and event.
 */
@Import(MatchApiTest.Clocks.class)
@TestPropertySource(properties = {"ucp.matching.expiry-interval=200ms", "ucp.matching.match-expiry=3d",
        "ucp.matching.pending-interest-cap=2", "ucp.metrics.matches-interval=200ms"})
class MatchApiTest extends ServiceApiTest {

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }

    static final String BASE = "/api/v1/matching/matches";
    static final String PROFILES = "/api/v1/matching/profiles";

    @Autowired
    MutableClock clock;
    @Autowired
    MatchService matches;
    @Autowired
    KnownPartnerships partnerships;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** A business of its own for each test, in a city, with a secret contact address. */
    CallerIdentity business(String name, String city) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"id\": \"" + id + "\", "
                + BusinessProfileApiTest.profile(city, secretOf(id)).strip().substring(1);
        HttpResponse<String> registered = http().postJson(PROFILES, body);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return CallerIdentity.business(id, id, "jwt");
    }

    static String secretOf(String businessId) {
        return "secret@" + businessId + ".example";
    }

    UUID published(CallerIdentity who) {
        HttpResponse<String> drafted = as(who).postJson("/api/v1/matching/opportunities",
                OpportunityApiTest.content(OpportunityApiTest.inDays(60)));
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String id = ServiceHttp.json(drafted).path("id").asString();
        assertThat(as(who).postJson("/api/v1/matching/opportunities/" + id + "/publish", "").statusCode())
                .isEqualTo(200);
        return UUID.fromString(id);
    }

    UUID essenKoriyama() {
        UUID id = UUID.randomUUID();
        partnerships.record(new KnownPartnerships.Known(id, 1, "Essen - Koriyama", List.of("Essen", "Koriyama"),
                List.of("Europe/Berlin", "Asia/Tokyo"), List.of("city-of-essen", "city-of-koriyama")));
        return id;
    }

    HttpResponse<String> interest(CallerIdentity who, UUID to, UUID from, String message) {
        return as(who).postJson(BASE, "{\"toOpportunityId\": \"" + to + "\""
                + (from == null ? "" : ", \"fromOpportunityId\": \"" + from + "\"")
                + (message == null ? "" : ", \"message\": \"" + message + "\"") + "}");
    }

    @Test
    void bothAcceptAProposalAndOnlyThenEachSeesTheOthersContactsEverywhere() {
        UUID partnership = essenKoriyama();
        // A profile's city is free text; the partnership's city is found without regard to case.
        CallerIdentity robots = business("robots", "koriyama");
        CallerIdentity hospitals = business("hospitals", "Essen");
        CallerIdentity stranger = business("stranger", "Essen");
        String robotsSecret = secretOf(robots.businessId());
        String hospitalsSecret = secretOf(hospitals.businessId());
        UUID offer = published(robots);
        UUID request = published(hospitals);

        UUID id = matches.propose(offer, request, 7.5, List.of("both in hygiene and disinfection")).aggregate().id();
        assertThat(matches.propose(request, offer, 9, List.of()).aggregate().id()).as("one match per pair").isEqualTo(id);
        String path = BASE + "/" + id;

        JsonNode pending = ServiceHttp.json(as(robots).get(path));
        assertThat(pending.path("status").asString()).isEqualTo("PENDING");
        assertThat(pending.path("origin").asString()).isEqualTo("SYSTEM_PROPOSAL");
        assertThat(pending.path("reasons").toString()).contains("hygiene");
        assertNothingRevealed(robots, hospitals, path);
        assertThat(as(stranger).get(path).statusCode()).isEqualTo(404);
        assertThat(as(stranger).get(BASE).body()).doesNotContain(id.toString());
        assertThat(as(stranger).postJson(path + "/accept", "").statusCode()).isEqualTo(404);
        assertThat(as(TestIdentities.ESSEN).get(path).statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.ESSEN).get(BASE).statusCode()).isEqualTo(403);
        assertThat(anonymous().get(path).statusCode()).isEqualTo(401);
        assertThat(http().get(path).statusCode()).isEqualTo(200);
        assertThat(http().get(BASE + "?businessId=" + robots.businessId()).body()).contains(id.toString());
        assertThat(http().get(BASE + "?businessId=" + stranger.businessId()).body()).doesNotContain(id.toString());
        assertThat(http().postJson(path + "/accept", "").statusCode()).as("operators do not accept for a business")
                .isEqualTo(403);

        HttpResponse<String> first = as(robots).postJson(path + "/accept", "", "If-Match", "\"1\"");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(ServiceHttp.json(first).path("status").asString()).isEqualTo("PENDING");
        assertNothingRevealed(robots, hospitals, path);
        assertThat(as(hospitals).postJson(path + "/accept", "", "If-Match", "\"1\"").statusCode()).isEqualTo(412);

        HttpResponse<String> second = as(hospitals).postJson(path + "/accept", "", "If-Match", "\"2\"");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonNode confirmed = ServiceHttp.json(second);
        assertThat(confirmed.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(second.body()).contains(robotsSecret).doesNotContain(hospitalsSecret);
        assertThat(as(robots).get(path).body()).contains(hospitalsSecret).doesNotContain(robotsSecret);
        assertThat(as(robots).get(BASE + "?status=CONFIRMED").body()).contains(hospitalsSecret);
        assertThat(as(robots).get(PROFILES + "/" + hospitals.businessId()).body()).contains(hospitalsSecret);
        assertThat(as(hospitals).get(PROFILES + "/" + robots.businessId()).body()).contains(robotsSecret);
        assertThat(as(robots).get(PROFILES + "?country=JP&limit=200").body()).contains(robotsSecret);
        assertThat(as(stranger).get(PROFILES + "/" + robots.businessId()).body()).doesNotContain(robotsSecret);
        assertThat(as(stranger).get(path).body()).doesNotContain(robotsSecret);
        assertThat(http().get(path).body()).contains(robotsSecret, hospitalsSecret);

        for (String side : List.of(robots.businessId(), hospitals.businessId())) {
            CallerIdentity who = side.equals(robots.businessId()) ? robots : hospitals;
            HttpResponse<String> outcome = as(who).postJson(path + "/outcome",
                    "{\"rating\": 5, \"agreementReached\": true, \"agreementType\": \"DISTRIBUTION\"}");
            assertThat(outcome.statusCode()).as(outcome.body()).isEqualTo(200);
        }
        assertThat(as(robots).postJson(path + "/outcome", "{\"rating\": 4, \"agreementReached\": false}")
                .statusCode()).as("each side reports once").isEqualTo(409);

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.MATCHES,
                id.toString(), 3);
        assertThat(records).extracting(r -> KafkaTestClients.header(r, KafkaHeaders.TYPE)).containsExactly(
                "matching.MatchProposed", "matching.MatchConfirmed", "matching.CooperationAgreementReached");
        for (ConsumerRecord<String, byte[]> r : records) {
            EventEnvelope envelope = mapper.fromBytes(r.value());
            assertThat(new IntegrationEventSchemas(mapper).violations(envelope)).isEmpty();
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain("secret@", "+81 24");
        }
        EventEnvelope confirmation = mapper.fromBytes(records.get(1).value());
        assertThat(confirmation.payload().path("partnershipIds").toString()).contains(partnership.toString());
        assertThat(mapper.fromBytes(records.get(2).value()).payload().path("cooperationTypes").toString())
                .contains("DISTRIBUTION");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> lines = http().get("/actuator/prometheus").body().lines().toList();
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ucp_matching_matches{")
                    .contains("status=\"CONFIRMED\"").doesNotEndWith(" 0.0"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ucp_matching_agreements{")
                    .doesNotEndWith(" 0.0"));
        });
    }

    private void assertNothingRevealed(CallerIdentity robots, CallerIdentity hospitals, String path) {
        String robotsSecret = secretOf(robots.businessId());
        String hospitalsSecret = secretOf(hospitals.businessId());
        assertThat(as(robots).get(path).body()).doesNotContain(hospitalsSecret).doesNotContain("contacts");
        assertThat(as(hospitals).get(path).body()).doesNotContain(robotsSecret).doesNotContain("contacts");
        assertThat(as(robots).get(BASE).body()).doesNotContain(hospitalsSecret);
        assertThat(as(robots).get(PROFILES + "/" + hospitals.businessId()).body()).doesNotContain(hospitalsSecret);
        assertThat(as(robots).get(PROFILES + "?country=DE&limit=200").body()).doesNotContain(hospitalsSecret);
        assertThat(as(hospitals).get(PROFILES + "/" + robots.businessId()).body()).doesNotContain(robotsSecret);
    }

    @Test
    void anExpressionOfInterestIsCappedDeclinableAndADeclinedPairIsNeverProposedAgain() {
        CallerIdentity asker = business("asker", "Essen");
        CallerIdentity one = business("one", "Koriyama");
        CallerIdentity two = business("two", "Koriyama");
        CallerIdentity three = business("three", "Koriyama");
        UUID own = published(asker);
        UUID first = published(one);
        UUID second = published(two);
        UUID third = published(three);

        HttpResponse<String> asked = interest(asker, first, own, "We would like to test your robots.");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        String path = asked.headers().firstValue("Location").orElseThrow();
        assertThat(ServiceHttp.json(asked).path("first").path("accepted").asBoolean()).isTrue();
        assertThat(as(one).get(path).body()).contains("We would like to test your robots.");
        assertThat(as(two).get(path).statusCode()).isEqualTo(404);
        assertThat(interest(asker, first, own, "Again?").statusCode()).as("one match per pair").isEqualTo(409);
        assertThat(interest(asker, second, null, "From our profile.").statusCode()).isEqualTo(201);
        HttpResponse<String> capped = interest(asker, third, null, "One too many.");
        assertThat(capped.statusCode()).isEqualTo(409);
        assertThat(capped.body()).contains("pendingInterestCap");

        HttpResponse<String> declined = as(one).postJson(path + "/decline", "{\"reason\": \"Not our field\"}");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(ServiceHttp.json(declined).path("declinedBy").asString()).isEqualTo(one.businessId());
        HttpResponse<String> late = as(asker).postJson(path + "/accept", "");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("DECLINED");
        assertThat(interest(asker, third, null, "Now there is room.").statusCode()).isEqualTo(201);

        assertThat(matches.declinedPairs(first)).containsExactly(own);
        assertThat(matches.isDeclined(own, first)).isTrue();
        assertThat(matches.isDeclined(first, own)).isTrue();
        assertThat(matches.isDeclined(own, second)).isFalse();
        assertThat(matches.propose(first, own, 5, List.of()).aggregate().status().name()).isEqualTo("DECLINED");

        String matchId = path.substring(path.lastIndexOf('/') + 1);
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.MATCHES, matchId, 2);
        assertThat(records).extracting(r -> KafkaTestClients.header(r, KafkaHeaders.TYPE))
                .containsExactly("matching.InterestExpressed", "matching.MatchDeclined");
        assertThat(records).allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                .doesNotContain("test your robots", "Not our field", "secret@"));
        assertThat(as(asker).get(BASE + "?opportunityId=" + first + "&status=DECLINED").body()).contains(matchId);
        assertThat(as(asker).get(BASE + "?status=PENDING").body()).doesNotContain(matchId);
    }

    @Test
    void concurrentExpressionsOfInterestNeverExceedTheCap() throws Exception {
        CallerIdentity asker = business("eager", "Essen");
        List<UUID> targets = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            targets.add(published(business("target" + i, "Koriyama")));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        try {
            for (UUID target : targets) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return interest(asker, target, null, "All at once").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).as("the cap is 2").filteredOn(s -> s == 201).hasSize(2);
            assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ServiceHttp.json(as(asker).get(BASE + "?status=PENDING")).path("items")).hasSize(2);
    }

    @Test
    void badRequestsAreProblemsNamingTheFieldAndOnlyBusinessesExpressInterest() {
        CallerIdentity asker = business("bad-asker", "Essen");
        CallerIdentity owner = business("bad-owner", "Koriyama");
        UUID target = published(owner);
        assertProblem(interest(asker, target, null, null), 400, "message");
        assertProblem(as(asker).postJson(BASE, "{\"toOpportunityId\": \"" + target + "\", \"message\": \"Hi\", "
                + "\"contactMe\": \"x\"}"), 400, "contactMe");
        assertProblem(interest(asker, UUID.randomUUID(), null, "Hi"), 422, "toOpportunityId");
        assertProblem(interest(asker, target, target, "Hi"), 422, "fromOpportunityId");
        assertProblem(interest(owner, target, null, "Hi"), 400, "toOpportunityId");
        assertThat(http().postJson(BASE, "{\"toOpportunityId\": \"" + target + "\", \"message\": \"Hi\"}")
                .statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.KORIYAMA).postJson(BASE, "{\"toOpportunityId\": \"" + target
                + "\", \"message\": \"Hi\"}").statusCode()).isEqualTo(403);
        assertProblem(as(asker).get(BASE + "?status=LOST"), 400, "status");

        String path = interest(asker, target, null, "Hi").headers().firstValue("Location").orElseThrow();
        assertThat(as(asker).get(BASE + "/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertProblem(as(owner).postJson(path + "/decline", "{\"reason\": \"" + "x".repeat(501) + "\"}"), 400,
                "reason");
        assertProblem(as(owner).postJson(path + "/outcome", "{\"rating\": 5, \"agreementReached\": false}"), 409,
                "PENDING");
        HttpResponse<String> accepted = as(owner).postJson(path + "/accept", "");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertProblem(as(owner).postJson(path + "/outcome", "{\"rating\": 9, \"agreementReached\": false}"), 400,
                "rating");
        assertProblem(as(owner).postJson(path + "/outcome", "{\"rating\": 3, \"agreementReached\": true}"), 400,
                "agreementType");
    }

    @Test
    void operatorsWithdrawAbusiveContentWithAReason() {
        CallerIdentity asker = business("rude", "Essen");
        CallerIdentity owner = business("victim", "Koriyama");
        String path = interest(asker, published(owner), null, "Abusive words").headers().firstValue("Location")
                .orElseThrow();
        java.util.function.Supplier<HttpRequest.Builder> delete = () -> HttpRequest.newBuilder(
                new ServiceHttp(port).uri(path + "?reason=Abusive%20message")).DELETE();
        assertThat(as(asker).send(delete.get()).statusCode()).isEqualTo(403);
        assertThat(as(owner).send(delete.get()).statusCode()).isEqualTo(403);
        assertProblem(http().send(HttpRequest.newBuilder(new ServiceHttp(port).uri(path)).DELETE()), 400, "reason");
        HttpResponse<String> withdrawn = http().send(delete.get());
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(as(owner).get(path).body()).contains("WITHDRAWN", "Abusive message").doesNotContain("Abusive words");
        assertThat(as(owner).postJson(path + "/accept", "").statusCode()).isEqualTo(409);
    }

    @Test
    void aPendingMatchExpiresByItselfAfterTheConfiguredTime() {
        CallerIdentity robots = business("late-robots", "Koriyama");
        CallerIdentity hospitals = business("late-hospitals", "Essen");
        UUID id = matches.propose(published(robots), published(hospitals), 3, List.of()).aggregate().id();
        assertThat(as(robots).postJson(BASE + "/" + id + "/accept", "").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.MATCHES,
                id.toString(), 2);
        assertThat(KafkaTestClients.header(records.get(1), KafkaHeaders.TYPE)).isEqualTo("matching.MatchExpired");
        String[] hospitalsLater = {IdentityTokens.HEADER, TestIdentities.tokenAt(hospitals, clock)};
        assertThat(ServiceHttp.json(anonymous().get(BASE + "/" + id, hospitalsLater)).path("status").asString())
                .isEqualTo("EXPIRED");
        HttpResponse<String> late = anonymous().postJson(BASE + "/" + id + "/accept", "", hospitalsLater);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("EXPIRED");
    }

    @Test
    void aPendingMatchLapsesWhenItsOpportunityIsWithdrawnAndAConfirmedOneStays() {
        CallerIdentity robots = business("gone-robots", "Koriyama");
        CallerIdentity hospitals = business("gone-hospitals", "Essen");
        UUID offer = published(robots);
        UUID pending = matches.propose(offer, published(hospitals), 3, List.of()).aggregate().id();
        Match kept = matches.propose(offer, published(business("kept-hospitals", "Essen")), 3, List.of())
                .aggregate();
        UUID confirmed = kept.id();
        assertThat(as(robots).postJson(BASE + "/" + pending + "/accept", "").statusCode()).isEqualTo(200);
        assertThat(as(robots).postJson(BASE + "/" + confirmed + "/accept", "").statusCode()).isEqualTo(200);
        assertThat(as(CallerIdentity.business(kept.second().businessId(), kept.second().businessId(), "jwt"))
                .postJson(BASE + "/" + confirmed + "/accept", "").statusCode()).isEqualTo(200);

        HttpResponse<String> withdrawn = as(robots).send(HttpRequest.newBuilder(new ServiceHttp(port)
                .uri("/api/v1/matching/opportunities/" + offer + "?reason=Found%20a%20partner")).DELETE());
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.MATCHES,
                pending.toString(), 2);
        assertThat(KafkaTestClients.header(records.get(1), KafkaHeaders.TYPE)).isEqualTo("matching.MatchExpired");
        assertThat(ServiceHttp.json(as(hospitals).get(BASE + "/" + pending)).path("status").asString())
                .isEqualTo("EXPIRED");
        HttpResponse<String> late = as(hospitals).postJson(BASE + "/" + pending + "/accept", "");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(ServiceHttp.json(as(robots).get(BASE + "/" + confirmed)).path("status").asString())
                .as("a confirmed match stays: the two already found each other").isEqualTo("CONFIRMED");
    }

    @Test
    void theListPagesEveryMatchOfABusinessExactlyOnce() {
        CallerIdentity asker = business("pager", "Essen");
        UUID own = published(asker);
        PaginationCheck.of(as(asker), BASE)
                .creating(() -> matches.propose(own, published(business("paged", "Koriyama")), 1, List.of())
                        .aggregate().id().toString())
                .changing(id -> assertThat(as(asker).postJson(BASE + "/" + id + "/accept", "").statusCode())
                        .isEqualTo(200))
                .verify();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String naming) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains(naming);
    }
}
