package org.urbancooperation.matching.proposal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.matching.opportunity.domain.CooperationType;
import org.urbancooperation.matching.opportunity.domain.OpportunityStatus;
import org.urbancooperation.matching.opportunity.domain.OpportunityType;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;

/** Each scoring rule and each exclusion, with the words a business reads. */
class ProposalScoringTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    static MatchableOpportunity opportunity(String business, OpportunityType type, List<Subsector> subsectors,
            List<CooperationType> cooperation, List<String> targets) {
        return new MatchableOpportunity(UUID.randomUUID(), business, type, OpportunityStatus.PUBLISHED,
                NOW.plusSeconds(86_400), subsectors.stream().map(Subsector::sector).distinct().toList(), subsectors,
                cooperation, targets);
    }

    static final MatchableOpportunity ROBOT_OFFER = opportunity("robots-koriyama", OpportunityType.TECHNOLOGY_OFFER,
            List.of(Subsector.HYGIENE_AND_DISINFECTION), List.of(CooperationType.DISTRIBUTION,
                    CooperationType.COMMERCIAL_AGENCY), List.of("DE"));
    static final MatchableOpportunity HOSPITAL_REQUEST = opportunity("hospitals-essen",
            OpportunityType.TECHNOLOGY_REQUEST, List.of(Subsector.HYGIENE_AND_DISINFECTION, Subsector.DIAGNOSTICS),
            List.of(CooperationType.DISTRIBUTION), List.of("JP"));
    static final MatchableBusiness ROBOTS = new MatchableBusiness("robots-koriyama", "JP", List.of("ja", "en"));
    static final MatchableBusiness HOSPITALS = new MatchableBusiness("hospitals-essen", "DE", List.of("de", "en"));

    @Test
    void aRequestMeetingAnOfferIsExplainedPartByPartAndThePartsAddUpToTheScore() {
        Score score = ProposalScoring.score(HOSPITAL_REQUEST, HOSPITALS, ROBOT_OFFER, ROBOTS,
                new TextSimilarity(0.6, List.of("disinfection", "robot")));

        assertThat(score.parts()).extracting(ScorePart::rule, ScorePart::points, ScorePart::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ScoreRule.COMPLEMENTARY_TYPES, 20,
                        "your technology request meets their technology offer"),
                org.assertj.core.groups.Tuple.tuple(ScoreRule.SECTORS, 10, "both in medical devices"),
                org.assertj.core.groups.Tuple.tuple(ScoreRule.SUBSECTORS, 20, "both in hygiene and disinfection"),
                org.assertj.core.groups.Tuple.tuple(ScoreRule.TEXT, 15, "matched terms: disinfection, robot"),
                org.assertj.core.groups.Tuple.tuple(ScoreRule.TARGET_COUNTRIES, 10,
                        "they are in Japan, one of your target countries; "
                                + "you are in Germany, one of their target countries"),
                org.assertj.core.groups.Tuple.tuple(ScoreRule.COOPERATION_TYPES, 10,
                        "your request for distribution meets their offer of distribution"),
                org.assertj.core.groups.Tuple.tuple(ScoreRule.SHARED_LANGUAGE, 5, "both speak English"));
        assertThat(score.parts().get(3).terms()).containsExactly("disinfection", "robot");
        assertThat(score.total()).isEqualTo(90);
    }

    @Test
    void theOffersSideIsToldFromItsSideAndScoresTheSame() {
        TextSimilarity text = new TextSimilarity(0.6, List.of("robot"));
        Score fromOffer = ProposalScoring.score(ROBOT_OFFER, ROBOTS, HOSPITAL_REQUEST, HOSPITALS, text);
        assertThat(fromOffer.total()).isEqualTo(ProposalScoring.score(HOSPITAL_REQUEST, HOSPITALS, ROBOT_OFFER,
                ROBOTS, text).total());
        assertThat(fromOffer.parts()).extracting(ScorePart::reason)
                .contains("your technology offer meets their technology request",
                        "your offer of distribution meets their request for distribution");
    }

    @Test
    void twoResearchRequestsBothSeekResearchAndShareHydrogen() {
        MatchableOpportunity koriyama = opportunity("hydrogen-koriyama", OpportunityType.RND_COOPERATION_REQUEST,
                List.of(Subsector.HYDROGEN, Subsector.STORAGE), List.of(CooperationType.RESEARCH_AND_DEVELOPMENT),
                List.of("DE"));
        MatchableOpportunity essen = opportunity("hydrogen-essen", OpportunityType.RND_COOPERATION_REQUEST,
                List.of(Subsector.HYDROGEN), List.of(CooperationType.RESEARCH_AND_DEVELOPMENT,
                        CooperationType.JOINT_VENTURE), List.of("JP"));
        Score score = ProposalScoring.score(koriyama, MatchableBusiness.unknown("hydrogen-koriyama"), essen,
                MatchableBusiness.unknown("hydrogen-essen"), TextSimilarity.NONE);
        assertThat(score.parts()).extracting(ScorePart::reason).containsExactly(
                "your R&D cooperation request meets their R&D cooperation request", "both in renewable energy",
                "both in hydrogen", "both seek research and development");
        // All of Essen's subsectors are among Koriyama's: full points, from either side.
        assertThat(score.parts().get(2).points()).isEqualTo(20);
        MatchableOpportunity solarAndHydrogen = opportunity("solar-essen", OpportunityType.RND_COOPERATION_REQUEST,
                List.of(Subsector.HYDROGEN, Subsector.SOLAR), List.of(CooperationType.LICENSING), List.of());
        // One of two shared: half the points.
        assertThat(ProposalScoring.score(koriyama, MatchableBusiness.unknown("hydrogen-koriyama"), solarAndHydrogen,
                MatchableBusiness.unknown("solar-essen"), TextSimilarity.NONE).parts().get(2).points()).isEqualTo(10);
    }

    @Test
    void nothingSharedGivesOnlyTheTypesPoints() {
        MatchableOpportunity solar = opportunity("solar-essen", OpportunityType.TECHNOLOGY_REQUEST,
                List.of(Subsector.SOLAR), List.of(CooperationType.LICENSING), List.of("FR"));
        Score score = ProposalScoring.score(solar, new MatchableBusiness("solar-milano", "IT", List.of("it")),
                ROBOT_OFFER, ROBOTS, TextSimilarity.NONE);
        assertThat(score.parts()).extracting(ScorePart::rule).containsExactly(ScoreRule.COMPLEMENTARY_TYPES);
        assertThat(score.total()).isEqualTo(20);
    }

    @Test
    void theSameBusinessIsExcludedEvenForComplementaryTypes() {
        MatchableOpportunity ownRequest = opportunity("robots-koriyama", OpportunityType.TECHNOLOGY_REQUEST,
                List.of(Subsector.HYGIENE_AND_DISINFECTION), List.of(CooperationType.DISTRIBUTION), List.of());
        assertThat(ProposalScoring.exclusion(ownRequest, ROBOT_OFFER, NOW, false)).contains(Exclusion.SAME_BUSINESS);
    }

    @Test
    void draftExpiredAndWithdrawnOpportunitiesAreExcluded() {
        assertThat(ProposalScoring.exclusion(HOSPITAL_REQUEST, with(ROBOT_OFFER, OpportunityStatus.DRAFT), NOW,
                false)).contains(Exclusion.DRAFT);
        assertThat(ProposalScoring.exclusion(HOSPITAL_REQUEST, with(ROBOT_OFFER, OpportunityStatus.EXPIRED), NOW,
                false)).contains(Exclusion.EXPIRED);
        assertThat(ProposalScoring.exclusion(HOSPITAL_REQUEST, with(ROBOT_OFFER, OpportunityStatus.WITHDRAWN), NOW,
                false)).contains(Exclusion.WITHDRAWN);
        // Published, but its validUntil has come before the expiry ran.
        assertThat(ProposalScoring.exclusion(HOSPITAL_REQUEST, ROBOT_OFFER, ROBOT_OFFER.validUntil(), false))
                .contains(Exclusion.EXPIRED);
        // The asking one may be a draft its business previews; withdrawn, it gets nothing.
        assertThat(ProposalScoring.exclusion(with(HOSPITAL_REQUEST, OpportunityStatus.DRAFT), ROBOT_OFFER, NOW,
                false)).isEmpty();
        assertThat(ProposalScoring.exclusion(with(HOSPITAL_REQUEST, OpportunityStatus.WITHDRAWN), ROBOT_OFFER, NOW,
                false)).contains(Exclusion.WITHDRAWN);
    }

    @Test
    void anOfferDoesNotMeetAnotherOffer() {
        MatchableOpportunity otherOffer = opportunity("hospitals-essen", OpportunityType.TECHNOLOGY_OFFER,
                List.of(Subsector.HYGIENE_AND_DISINFECTION), List.of(CooperationType.DISTRIBUTION), List.of("JP"));
        assertThat(ProposalScoring.exclusion(otherOffer, ROBOT_OFFER, NOW, false))
                .contains(Exclusion.NOT_COMPLEMENTARY);
        MatchableOpportunity businessRequest = opportunity("hospitals-essen", OpportunityType.BUSINESS_REQUEST,
                List.of(Subsector.HYGIENE_AND_DISINFECTION), List.of(CooperationType.DISTRIBUTION), List.of("JP"));
        assertThat(ProposalScoring.exclusion(businessRequest, ROBOT_OFFER, NOW, false))
                .contains(Exclusion.NOT_COMPLEMENTARY);
    }

    @Test
    void aDeclinedPairIsExcluded() {
        assertThat(ProposalScoring.exclusion(HOSPITAL_REQUEST, ROBOT_OFFER, NOW, true)).contains(Exclusion.DECLINED);
        assertThat(ProposalScoring.exclusion(HOSPITAL_REQUEST, ROBOT_OFFER, NOW, false)).isEmpty();
    }

    static MatchableOpportunity with(MatchableOpportunity o, OpportunityStatus status) {
        return new MatchableOpportunity(o.id(), o.businessId(), o.type(), status, o.validUntil(), o.sectors(),
                o.subsectors(), o.cooperationTypes(), o.targetCountries());
    }
}
