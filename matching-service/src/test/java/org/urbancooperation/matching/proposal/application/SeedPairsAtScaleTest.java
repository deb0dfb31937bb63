package org.urbancooperation.matching.proposal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.profile.domain.BusinessProfile;
import org.urbancooperation.matching.proposal.persistence.index.LuceneCandidateIndex;
import org.urbancooperation.matching.synthetic.application.SyntheticMatchingData;
import org.urbancooperation.support.application.Versioned;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed's pairs among 6,000 synthetic opportunities, enough that the index leaves its most common words out of
 * queries: each still finds its counterpart first.
 */
class SeedPairsAtScaleTest {

    static final Path DEMO_DATA = Path.of("..", "deploy", "local", "demo-data");
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachSeedPairFindsItsCounterpartFirstAmongThousands() throws Exception {
        InMemoryDirectories stored = new InMemoryDirectories();
        Map<String, Opportunity> demo = new LinkedHashMap<>();
        try (LuceneCandidateIndex index = new LuceneCandidateIndex()) {
            for (JsonNode p : JSON.readTree(Files.readString(DEMO_DATA.resolve("business-profiles.json")))) {
                ObjectNode input = (ObjectNode) p.deepCopy();
                String id = input.remove("id").asString();
                stored.profiles.put(id, new Versioned<>(BusinessProfile.register(id,
                        JSON.treeToValue(input, BusinessProfile.Input.class)).aggregate(), 1));
            }
            for (JsonNode o : JSON.readTree(Files.readString(DEMO_DATA.resolve("opportunities.json")))) {
                ObjectNode input = (ObjectNode) o.deepCopy();
                String business = input.remove("businessId").asString();
                input.put("validUntil", NOW.plus(Duration.ofDays(input.remove("validForDays").asInt())).toString());
                Opportunity published = Opportunity.draft(UUID.randomUUID(), business,
                        JSON.treeToValue(input, Opportunity.Input.class), NOW).aggregate().publish(NOW).aggregate();
                demo.put(o.path("title").path("en").asString(), published);
            }
            SyntheticMatchingData.Dataset synthetic = new SyntheticMatchingData(13).generate(6000, NOW);
            synthetic.businesses().forEach(b -> stored.profiles.put(b.id(), new Versioned<>(
                    BusinessProfile.register(b.id(), b.profile()).aggregate(), 1)));
            synthetic.opportunities().forEach(o -> {
                Opportunity published = Opportunity.draft(o.id(), o.businessId(), o.input(), NOW).aggregate()
                        .publish(NOW).aggregate();
                stored.opportunities.put(published.id(), new Versioned<>(published, 2));
            });
            demo.values().forEach(o -> stored.opportunities.put(o.id(), new Versioned<>(o, 2)));
            KnownMatchableBusinesses businesses = new KnownMatchableBusinesses();
            ProposalService service = new ProposalService(stored, stored, index, businesses, (a, b) -> false,
                    new ProposalMetrics(new SimpleMeterRegistry(), index, businesses),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            service.rebuild(index);

            assertTop(service, demo, "Autonomous cleaning and disinfection robot (demo)",
                    "Hospitals seek autonomous disinfection robots (demo)");
            assertTop(service, demo, "Hospitals seek autonomous disinfection robots (demo)",
                    "Autonomous cleaning and disinfection robot (demo)");
            assertTop(service, demo, "Quick-deploy emergency care units sought (demo)",
                    "Ready-to-assemble emergency room of honeycomb cardboard (demo)");
            assertTop(service, demo, "Ready-to-assemble emergency room of honeycomb cardboard (demo)",
                    "Quick-deploy emergency care units sought (demo)");
            assertTop(service, demo, "Hydrogen for resilient municipal energy: research partner sought (demo)",
                    "Hydrogen utilisation in cities: joint R&D (demo)");
            assertTop(service, demo, "Hydrogen utilisation in cities: joint R&D (demo)",
                    "Hydrogen for resilient municipal energy: research partner sought (demo)");
        }
    }

    static void assertTop(ProposalService service, Map<String, Opportunity> demo, String own, String expected) {
        var proposals = service.propose(demo.get(own), 3);
        assertThat(proposals).as(own).isNotEmpty();
        assertThat(proposals.get(0).other().aggregate().id()).as(own + " -> " + proposals.get(0).other().aggregate()
                .title().values().get("en")).isEqualTo(demo.get(expected).id());
    }
}
