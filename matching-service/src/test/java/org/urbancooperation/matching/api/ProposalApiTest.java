package org.urbancooperation.matching.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.matching.opportunity.application.OpportunityRepository;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.profile.application.BusinessProfileRepository;
import org.urbancooperation.matching.proposal.application.Candidate;
import org.urbancooperation.matching.proposal.application.KnownMatchableBusinesses;
import org.urbancooperation.matching.proposal.application.ProposalMetrics;
import org.urbancooperation.matching.proposal.application.ProposalService;
import org.urbancooperation.matching.proposal.persistence.RepositoryBusinessDirectory;
import org.urbancooperation.matching.proposal.persistence.RepositoryOpportunityDirectory;
import org.urbancooperation.matching.proposal.persistence.index.LuceneCandidateIndex;
import org.urbancooperation.matching.synthetic.persistence.SyntheticDataLoader;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Proposals over HTTP, among the seed's demo businesses and a few hundred synthetic ones: the seed's pairs find each
 * other first with their reasons, only the opportunity's business and operators ask, and the index each instance
 * keeps from its events agrees with one built from the database (as after a restart).
 */
class ProposalApiTest extends ServiceApiTest {

    static final Path DEMO_DATA = Path.of("..", "deploy", "local", "demo-data");
    static final String OPPORTUNITIES = "/api/v1/matching/opportunities";
    static final int SYNTHETIC = 300;
    static final ObjectMapper JSON = new ObjectMapper();

    /** The seed's demo opportunities by English title, once per test class's context. */
    static final Map<String, String> demoIds = new LinkedHashMap<>();

    @Autowired
    LuceneCandidateIndex index;
    @Autowired
    OpportunityRepository opportunities;
    @Autowired
    BusinessProfileRepository profiles;
    @Autowired
    java.time.Clock clock;
    @Autowired
    MeterRegistry meters;

    static CallerIdentity business(String id) {
        return CallerIdentity.business(id, id, "jwt");
    }

    @BeforeEach
    void demoAndSyntheticData() throws IOException {
        if (!demoIds.isEmpty()) {
            return;
        }
        for (JsonNode profile : JSON.readTree(Files.readString(DEMO_DATA.resolve("business-profiles.json")))) {
            HttpResponse<String> registered = as(TestIdentities.OPERATOR).postJson("/api/v1/matching/profiles",
                    profile.toString());
            assertThat(registered.statusCode()).as(registered.body()).isIn(201, 409);
        }
        for (JsonNode o : JSON.readTree(Files.readString(DEMO_DATA.resolve("opportunities.json")))) {
            var body = (tools.jackson.databind.node.ObjectNode) o.deepCopy();
            int days = body.remove("validForDays").asInt();
            body.put("validUntil", Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS)
                    .toString());
            HttpResponse<String> drafted = as(TestIdentities.OPERATOR).postJson(OPPORTUNITIES, body.toString());
            assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
            String id = ServiceHttp.json(drafted).path("id").asString();
            assertThat(as(TestIdentities.OPERATOR).postJson(OPPORTUNITIES + "/" + id + "/publish", "").statusCode())
                    .isEqualTo(200);
            demoIds.put(o.path("title").path("en").asString(), id);
        }
        new SyntheticDataLoader(profiles, opportunities, clock).load(13, SYNTHETIC);
        int published = SYNTHETIC + demoIds.size();
        // The index hears of each through this instance's own subscription.
        await().atMost(Duration.ofSeconds(60)).until(() -> index.size() == published);
    }

    JsonNode proposals(CallerIdentity who, String title) {
        HttpResponse<String> found = as(who).get(OPPORTUNITIES + "/" + demoIds.get(title) + "/proposals?limit=5");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return ServiceHttp.json(found);
    }

    @Test
    void theSeedsDisinfectionRobotsAndTheEssenHospitalsSeeEachOtherFirstWithTheReasonsInWordsAndTerms() {
        JsonNode forHospitals = proposals(business("hospitals-essen"),
                "Hospitals seek autonomous disinfection robots (demo)");
        JsonNode top = forHospitals.path("items").get(0);
        assertThat(top.path("opportunity").path("businessId").asString()).isEqualTo("robots-koriyama");
        assertThat(top.path("business").path("city").asString()).isEqualTo("Koriyama");
        List<String> reasons = new ArrayList<>();
        top.path("breakdown").forEach(p -> reasons.add(p.path("reason").asString()));
        assertThat(reasons).contains("your technology request meets their technology offer",
                "both in hygiene and disinfection", "your request for distribution meets their offer of distribution");
        JsonNode text = null;
        int sum = 0;
        for (JsonNode part : top.path("breakdown")) {
            sum += part.path("points").asInt();
            if (part.path("rule").asString().equals("TEXT")) {
                text = part;
            }
        }
        assertThat(sum).isEqualTo(top.path("score").asInt());
        assertThat(text).as("a text part").isNotNull();
        List<String> terms = new ArrayList<>();
        text.path("terms").forEach(t -> terms.add(t.asString()));
        assertThat(terms).contains("disinfection");
        assertThat(forHospitals.path("next").isNull()).isTrue();

        JsonNode forRobots = proposals(business("robots-koriyama"), "Autonomous cleaning and disinfection robot (demo)");
        assertThat(forRobots.path("items").get(0).path("opportunity").path("businessId").asString())
                .isEqualTo("hospitals-essen");
        assertThat(forRobots.path("items").get(0).path("opportunity").path("id").asString())
                .isEqualTo(demoIds.get("Hospitals seek autonomous disinfection robots (demo)"));
    }

    /**
     * The system proposes by itself: publishing the hospitals' request made a PROPOSED match with the robot maker's offer
     * (its best candidate), which both businesses see among their matches with the reasons in words, and which
     * neither has answered yet.
     */
    @Test
    void publishingAnOpportunityProposesItsBestPairsAsMatchesBothBusinessesSee() {
        String hospitals = demoIds.get("Hospitals seek autonomous disinfection robots (demo)");
        String robots = demoIds.get("Autonomous cleaning and disinfection robot (demo)");
        for (String business : List.of("hospitals-essen", "robots-koriyama")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> listed = as(business(business)).get("/api/v1/matching/matches?status=PENDING");
                assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
                List<JsonNode> proposed = new ArrayList<>();
                ServiceHttp.json(listed).path("items").forEach(m -> {
                    String ids = m.path("first").toString() + m.path("second").toString();
                    if (m.path("origin").asString().equals("SYSTEM_PROPOSAL") && ids.contains(hospitals)
                            && ids.contains(robots)) {
                        proposed.add(m);
                    }
                });
                assertThat(proposed).as(business + " sees the proposal").hasSize(1);
                assertThat(proposed.get(0).path("reasons").toString()).contains("both in hygiene and disinfection");
                assertThat(proposed.get(0).has("contacts")).as("nobody accepted yet").isFalse();
            });
        }
    }

    @Test
    void theSeedsHydrogenAndEmergencyRoomPairsSeeEachOtherFirst() {
        assertThat(topOf("hydrogen-koriyama", "Hydrogen for resilient municipal energy: research partner sought (demo)"))
                .isEqualTo(demoIds.get("Hydrogen utilisation in cities: joint R&D (demo)"));
        assertThat(topOf("hydrogen-essen", "Hydrogen utilisation in cities: joint R&D (demo)"))
                .isEqualTo(demoIds.get("Hydrogen for resilient municipal energy: research partner sought (demo)"));
        assertThat(topOf("hospitals-essen", "Quick-deploy emergency care units sought (demo)"))
                .isEqualTo(demoIds.get("Ready-to-assemble emergency room of honeycomb cardboard (demo)"));
        assertThat(topOf("emergency-rooms-koriyama", "Ready-to-assemble emergency room of honeycomb cardboard (demo)"))
                .isEqualTo(demoIds.get("Quick-deploy emergency care units sought (demo)"));
    }

    String topOf(String business, String title) {
        return proposals(business(business), title).path("items").get(0).path("opportunity").path("id").asString();
    }

    @Test
    void noProposalRevealsContactsOrNamesTheSameBusinessOrANonComplementaryType() {
        for (String title : demoIds.keySet()) {
            HttpResponse<String> found = as(TestIdentities.OPERATOR).get(OPPORTUNITIES + "/" + demoIds.get(title)
                    + "/proposals?limit=50");
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).doesNotContain("contacts", "@example.org", "+81 24", "+49 201", "email");
            String owner = ServiceHttp.json(as(TestIdentities.OPERATOR).get(OPPORTUNITIES + "/" + demoIds.get(title)))
                    .path("businessId").asString();
            ServiceHttp.json(found).path("items").forEach(item ->
                    assertThat(item.path("opportunity").path("businessId").asString()).isNotEqualTo(owner));
        }
    }

    @Test
    void onlyTheOpportunitysBusinessAndOperatorsAskEverybodyElseGets404() {
        String id = demoIds.get("Hospitals seek autonomous disinfection robots (demo)");
        String path = OPPORTUNITIES + "/" + id + "/proposals";
        assertThat(as(business("hospitals-essen")).get(path).statusCode()).isEqualTo(200);
        assertThat(as(TestIdentities.OPERATOR).get(path).statusCode()).isEqualTo(200);
        assertThat(as(business("robots-koriyama")).get(path).statusCode()).isEqualTo(404);
        assertThat(as(TestIdentities.HYDROGEN).get(path).statusCode()).isEqualTo(404);
        assertThat(as(TestIdentities.ESSEN).get(path).statusCode()).isEqualTo(404);
        assertThat(as(TestIdentities.KORIYAMA).get(path).statusCode()).isEqualTo(404);
        assertThat(anonymous().get(path).statusCode()).isEqualTo(401);
        assertThat(as(TestIdentities.OPERATOR).get(OPPORTUNITIES + "/" + UUID.randomUUID() + "/proposals")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aBadLimitOrParameterIsAProblemNamingIt() {
        String path = OPPORTUNITIES + "/" + demoIds.get("Hospitals seek autonomous disinfection robots (demo)")
                + "/proposals";
        for (String query : List.of("?limit=0", "?limit=51", "?limit=ten")) {
            HttpResponse<String> refused = as(TestIdentities.OPERATOR).get(path + query);
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("limit");
        }
        assertThat(as(TestIdentities.OPERATOR).get(OPPORTUNITIES + "/not-a-uuid/proposals").statusCode())
                .isIn(400, 404);
        assertThat(ServiceHttp.json(as(TestIdentities.OPERATOR).get(path + "?limit=3")).path("items").size())
                .isEqualTo(3);
    }

    @Test
    void aWithdrawnOpportunityLeavesEveryProposalAndTheIndexAgreesWithOneRebuiltFromTheDatabase() throws Exception {
        String robots = demoIds.get("Autonomous cleaning and disinfection robot (demo)");
        String hospitals = demoIds.get("Hospitals seek autonomous disinfection robots (demo)");
        // A synthetic published one, withdrawn by an operator: the index hears of it by its event.
        Opportunity synthetic = syntheticPublished();
        int before = index.size();
        HttpResponse<String> withdrawn = as(TestIdentities.OPERATOR).send(java.net.http.HttpRequest.newBuilder(
                new ServiceHttp(port).uri(OPPORTUNITIES + "/" + synthetic.id() + "?reason=test")).DELETE());
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> index.size() == before - 1);

        double proposalsBefore = meters.counter("ucp.matching.proposals.made").count();
        assertThat(proposals(business("hospitals-essen"), "Hospitals seek autonomous disinfection robots (demo)")
                .path("items").get(0).path("opportunity").path("id").asString()).isEqualTo(robots);
        assertThat(meters.counter("ucp.matching.proposals.made").count()).isGreaterThan(proposalsBefore);

        // As after a restart: a new index from the database holds the same opportunities and finds the same ones.
        try (LuceneCandidateIndex rebuilt = new LuceneCandidateIndex()) {
            KnownMatchableBusinesses businesses = new KnownMatchableBusinesses();
            ProposalService fromDatabase = new ProposalService(new RepositoryOpportunityDirectory(opportunities),
                    new RepositoryBusinessDirectory(profiles), rebuilt, businesses, (a, b) -> false, new ProposalMetrics(new SimpleMeterRegistry(), rebuilt, businesses), clock);
            fromDatabase.rebuild(rebuilt);
            assertThat(rebuilt.size()).isEqualTo(index.size());
            for (String id : List.of(robots, hospitals, synthetic.id().toString())) {
                Opportunity own = opportunities.find(UUID.fromString(id)).orElseThrow().aggregate();
                assertThat(ids(rebuilt.candidatesFor(own, 1000))).isEqualTo(ids(index.candidatesFor(own, 1000)))
                        .doesNotContain(synthetic.id());
            }
        }
    }

    Opportunity syntheticPublished() {
        List<Opportunity> found = new ArrayList<>();
        opportunities.forEachPublished(v -> {
            if (found.isEmpty() && v.aggregate().businessId().startsWith("syn-")) {
                found.add(v.aggregate());
            }
        });
        return found.get(0);
    }

    static Set<UUID> ids(List<Candidate> candidates) {
        Set<UUID> ids = new HashSet<>();
        candidates.forEach(c -> ids.add(c.opportunity().id()));
        return ids;
    }
}
