package org.urbancooperation.matching.proposal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.matching.opportunity.domain.CooperationType;
import org.urbancooperation.matching.opportunity.domain.OpportunityStatus;
import org.urbancooperation.matching.opportunity.domain.OpportunityType;
import org.urbancooperation.matching.shared.domain.Subsector;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The scoring's rules over random pairs: parts add up, symmetric rules are symmetric, exclusions always hold. */
class ProposalScoringPropertiesTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    record Side(MatchableOpportunity opportunity, MatchableBusiness business) {
    }

    @Provide
    Arbitrary<Side> sides() {
        Arbitrary<String> business = Arbitraries.of("robots-koriyama", "hospitals-essen", "hydrogen-essen");
        Arbitrary<OpportunityType> type = Arbitraries.of(OpportunityType.class);
        Arbitrary<OpportunityStatus> status = Arbitraries.of(OpportunityStatus.class);
        Arbitrary<List<Subsector>> subsectors = Arbitraries.of(Subsector.class).list().uniqueElements().ofMaxSize(4);
        Arbitrary<List<CooperationType>> cooperation = Arbitraries.of(CooperationType.class).list().uniqueElements()
                .ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<String>> countries = Arbitraries.of("DE", "JP", "FR").list().uniqueElements().ofMaxSize(2);
        Arbitrary<List<String>> languages = Arbitraries.of("de", "en", "ja").list().uniqueElements().ofMaxSize(3);
        Arbitrary<Long> validForSeconds = Arbitraries.longs().between(-1000, 1000);
        return Combinators.combine(business, type, status, subsectors, cooperation, countries, languages,
                validForSeconds).as((b, t, s, sub, coop, targets, langs, valid) -> {
                    var sectors = sub.isEmpty() ? List.of(org.urbancooperation.matching.shared.domain.Sector.HEALTHCARE_SERVICES)
                            : sub.stream().map(Subsector::sector).distinct().toList();
                    return new Side(new MatchableOpportunity(UUID.randomUUID(), b, t, s, NOW.plusSeconds(valid),
                            sectors, sub, coop, targets), new MatchableBusiness(b, b.endsWith("essen") ? "DE" : "JP",
                            langs));
                });
    }

    @Provide
    Arbitrary<TextSimilarity> texts() {
        return Combinators.combine(Arbitraries.doubles().between(0, 1),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).list().ofMaxSize(5))
                .as(TextSimilarity::new);
    }

    @Property
    void aScoresPartsAddUpToItAndStayWithinTheMaximum(@ForAll("sides") Side a, @ForAll("sides") Side b,
            @ForAll("texts") TextSimilarity text) {
        Score score = ProposalScoring.score(a.opportunity(), a.business(), b.opportunity(), b.business(), text);
        assertThat(score.parts().stream().mapToInt(ScorePart::points).sum()).isEqualTo(score.total());
        assertThat(score.total()).isBetween(0, Score.MAX);
    }

    @Property
    void theSameTextRelevanceGivesTheSameScoreFromEitherSide(@ForAll("sides") Side a, @ForAll("sides") Side b,
            @ForAll("texts") TextSimilarity text) {
        assertThat(ProposalScoring.score(a.opportunity(), a.business(), b.opportunity(), b.business(), text).total())
                .isEqualTo(ProposalScoring.score(b.opportunity(), b.business(), a.opportunity(), a.business(), text)
                        .total());
    }

    /** Whatever the pool and its scores, the ranking never lets through a pair one of the exclusions names. */
    @Property
    void anExcludedPairIsNeverProposed(@ForAll("sides") Side own, @ForAll("sidesList") List<Side> pool,
            @ForAll boolean declineAll) {
        List<MatchableOpportunity> proposed = new ArrayList<>();
        for (Side other : pool) {
            if (ProposalScoring.exclusion(own.opportunity(), other.opportunity(), NOW, declineAll).isEmpty()) {
                proposed.add(other.opportunity());
            }
        }
        for (MatchableOpportunity o : proposed) {
            assertThat(declineAll).isFalse();
            assertThat(o.businessId()).isNotEqualTo(own.opportunity().businessId());
            assertThat(o.status()).isEqualTo(OpportunityStatus.PUBLISHED);
            assertThat(o.validUntil()).isAfter(NOW);
            assertThat(own.opportunity().type().complements(o.type())).isTrue();
            assertThat(own.opportunity().status()).isIn(OpportunityStatus.PUBLISHED, OpportunityStatus.DRAFT);
        }
    }

    @Provide
    Arbitrary<List<Side>> sidesList() {
        return sides().list().ofMaxSize(20);
    }

    @Property
    void complementingIsSymmetric(@ForAll OpportunityType a, @ForAll OpportunityType b) {
        assertThat(a.complements(b)).isEqualTo(b.complements(a));
    }
}
