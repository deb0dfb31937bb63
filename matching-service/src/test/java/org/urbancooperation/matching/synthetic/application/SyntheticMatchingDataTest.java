package org.urbancooperation.matching.synthetic.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.opportunity.domain.OpportunityType;
import org.urbancooperation.matching.profile.domain.BusinessProfile;

/** The generator: the same data for the same seed, all of it valid for the domain, in three languages. */
class SyntheticMatchingDataTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:15:30Z");

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        var first = new SyntheticMatchingData(13).generate(500, NOW);
        assertThat(new SyntheticMatchingData(13).generate(500, NOW)).isEqualTo(first);
        assertThat(new SyntheticMatchingData(14).generate(500, NOW).opportunities())
                .isNotEqualTo(first.opportunities());
    }

    @Test
    void everyProfileAndOpportunityIsValidAndTheTextsAreInEnglishGermanAndJapanese() {
        var data = new SyntheticMatchingData(7).generate(3000, NOW);
        assertThat(data.opportunities()).hasSize(3000);
        assertThat(data.businesses()).hasSize(1000);
        Set<String> languages = new HashSet<>();
        Set<String> cities = new HashSet<>();
        Set<OpportunityType> types = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        for (var b : data.businesses()) {
            BusinessProfile profile = BusinessProfile.register(b.id(), b.profile()).aggregate();
            cities.add(profile.city());
            assertThat(profile.names().values().get("en")).endsWith("(synthetic)");
        }
        for (var o : data.opportunities()) {
            Opportunity opportunity = Opportunity.draft(o.id(), o.businessId(), o.input(), NOW).aggregate()
                    .publish(NOW).aggregate();
            languages.addAll(opportunity.title().values().keySet());
            types.add(opportunity.type());
            ids.add(opportunity.id());
        }
        assertThat(languages).containsExactlyInAnyOrder("en", "de", "ja");
        assertThat(cities).contains("Essen", "Koriyama");
        assertThat(types).containsExactlyInAnyOrder(OpportunityType.values());
        assertThat(ids).hasSize(3000);
    }

    @Test
    void itGeneratesUpTo100000() {
        assertThat(new SyntheticMatchingData(1).generate(100_000, NOW).opportunities()).hasSize(100_000);
        assertThatThrownBy(() -> new SyntheticMatchingData(1).generate(100_001, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
