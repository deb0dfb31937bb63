package org.urbancooperation.matching.proposal.persistence.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.urbancooperation.matching.opportunity.domain.CooperationType;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.opportunity.domain.OpportunityType;
import org.urbancooperation.matching.proposal.application.Candidate;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;

/** The text index: languages analysed as they should be, candidates filtered, every change versioned. */
class LuceneCandidateIndexTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    final LuceneCandidateIndex index = new LuceneCandidateIndex();

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    static Opportunity published(String business, OpportunityType type, Map<String, String> title,
            Map<String, String> summary, List<String> keywords) {
        return draft(business, type, title, summary, keywords).publish(NOW).aggregate();
    }

    static Opportunity draft(String business, OpportunityType type, Map<String, String> title,
            Map<String, String> summary, List<String> keywords) {
        return Opportunity.draft(UUID.randomUUID(), business, new Opportunity.Input(type, title, summary,
                List.of(Sector.MEDICAL_DEVICES), List.of(Subsector.HYGIENE_AND_DISINFECTION), keywords,
                List.of(CooperationType.DISTRIBUTION), List.of(), NOW.plusSeconds(86_400 * 30)), NOW).aggregate();
    }

    static Opportunity english(String business, OpportunityType type, String title, String summary) {
        return published(business, type, Map.of("en", title), Map.of("en", summary), List.of());
    }

    List<UUID> candidateIds(Opportunity own) {
        return index.candidatesFor(own, 10).stream().map(c -> c.opportunity().id()).toList();
    }

    List<String> terms(Opportunity own, Opportunity candidate) {
        return index.matchedTerms(own, List.of(candidate.id())).get(candidate.id());
    }

    Candidate only(Opportunity own) {
        List<Candidate> found = index.candidatesFor(own, 10);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void japaneseIsTokenisedIntoWordsSoThatADisinfectionRobotIsFoundInALongerSentence() {
        Opportunity offer = published("robots-koriyama", OpportunityType.TECHNOLOGY_OFFER,
                Map.of("en", "Cleaning machine", "ja", "病院向けの自律走行消毒ロボット"),
                Map.of("en", "A machine.", "ja", "紫外線で病室を消毒します。"), List.of());
        index.apply(offer, 2);
        Opportunity request = published("hospitals-essen", OpportunityType.TECHNOLOGY_REQUEST,
                Map.of("en", "Wanted", "ja", "消毒ロボットを探しています"), Map.of("en", "Details follow."), List.of());

        Candidate found = only(request);
        assertThat(found.opportunity().id()).isEqualTo(offer.id());
        assertThat(terms(request, offer)).contains("消毒", "ロボット");
        assertThat(found.text().relevance()).isGreaterThan(0);
    }

    @Test
    void germanCompoundsAndInflectionsAreMatchedByTheGermanAnalyser() {
        Opportunity offer = published("robots-koriyama", OpportunityType.TECHNOLOGY_OFFER,
                Map.of("en", "Robot", "de", "Desinfektionsroboter für Krankenhäuser"),
                Map.of("en", "A robot.", "de", "Unsere Roboter reinigen Patientenzimmer selbstständig."), List.of());
        index.apply(offer, 2);
        Opportunity request = published("hospitals-essen", OpportunityType.TECHNOLOGY_REQUEST,
                Map.of("en", "Wanted", "de", "Krankenhaus sucht Desinfektionsroboter"),
                Map.of("en", "Details follow."), List.of());

        only(request);
        assertThat(terms(request, offer)).contains("desinfektionsroboter", "krankenhaus");
    }

    @Test
    void englishIsStemmedAndStopWordsDoNotCount() {
        Opportunity offer = english("robots-koriyama", OpportunityType.TECHNOLOGY_OFFER,
                "Autonomous disinfection robots", "Our robots disinfect the wards of hospitals.");
        index.apply(offer, 2);
        Opportunity request = english("hospitals-essen", OpportunityType.TECHNOLOGY_REQUEST,
                "A robot for the disinfection of a hospital", "The hospital needs it.");
        assertThat(only(request).text().relevance()).isGreaterThan(0);
        assertThat(terms(request, offer)).containsExactly("robot", "disinfection", "hospital");
    }

    @Test
    void theMoreAlikeInWordsRanksFirst() {
        Opportunity close = english("robots-koriyama", OpportunityType.TECHNOLOGY_OFFER,
                "UV disinfection robot for hospital wards", "Autonomous UV disinfection robot.");
        Opportunity far = english("lamps-sendai", OpportunityType.TECHNOLOGY_OFFER, "Lamps for wards",
                "Bright lamps.");
        index.apply(far, 2);
        index.apply(close, 2);
        List<Candidate> found = index.candidatesFor(english("hospitals-essen", OpportunityType.TECHNOLOGY_REQUEST,
                "UV disinfection robot sought", "For hospital wards, an autonomous disinfection robot."), 10);
        assertThat(found).extracting(c -> c.opportunity().id()).containsExactly(close.id(), far.id());
        assertThat(found.get(0).text().relevance()).isGreaterThan(found.get(1).text().relevance());
    }

    @Test
    void onlyComplementaryTypesOfOtherBusinessesAreCandidates() {
        Opportunity offer = english("robots-koriyama", OpportunityType.TECHNOLOGY_OFFER, "Disinfection robot", "Robot.");
        Opportunity sameBusinessRequest = english("hospitals-essen", OpportunityType.TECHNOLOGY_REQUEST,
                "Disinfection robot", "Robot.");
        Opportunity otherOffer = english("lamps-sendai", OpportunityType.TECHNOLOGY_OFFER, "Disinfection robot",
                "Robot.");
        Opportunity businessOffer = english("trade-sendai", OpportunityType.BUSINESS_OFFER, "Disinfection robot",
                "Robot.");
        List.of(offer, sameBusinessRequest, otherOffer, businessOffer).forEach(o -> index.apply(o, 2));
        Opportunity request = english("hospitals-essen", OpportunityType.TECHNOLOGY_REQUEST, "Disinfection robot",
                "Robot.");
        assertThat(candidateIds(request)).containsExactlyInAnyOrder(offer.id(), otherOffer.id());
        // An R&D cooperation request meets technology offers and other R&D requests.
        Opportunity research = english("institute-aachen", OpportunityType.RND_COOPERATION_REQUEST,
                "Disinfection robot", "Robot.");
        assertThat(candidateIds(research)).containsExactlyInAnyOrder(offer.id(), otherOffer.id());
    }

    @Test
    void aSharedSubsectorFindsACandidateWithoutAWordInCommon() {
        Opportunity offer = english("robots-koriyama", OpportunityType.TECHNOLOGY_OFFER, "Sterile wards", "Clean.");
        index.apply(offer, 2);
        Opportunity request = english("hospitals-essen", OpportunityType.TECHNOLOGY_REQUEST, "Hygiene partner",
                "Sought.");
        assertThat(only(request).text().relevance()).isZero();
        assertThat(terms(request, offer)).isEmpty();
    }

    @Test
    void changesApplyByVersionSoThatALateOlderOneNeverUndoesANewerOne() {
        Opportunity offer = english("robots-koriyama", OpportunityType.TECHNOLOGY_OFFER, "Disinfection robot", "Robot.");
        Opportunity request = english("hospitals-essen", OpportunityType.TECHNOLOGY_REQUEST, "Disinfection robot",
                "Robot.");
        assertThat(index.apply(offer, 2)).isTrue();
        assertThat(index.apply(offer, 2)).as("redelivered").isFalse();
        assertThat(index.size()).isEqualTo(1);

        Opportunity withdrawn = offer.withdraw("found a partner").aggregate();
        assertThat(index.apply(withdrawn, 4)).isTrue();
        assertThat(candidateIds(request)).isEmpty();
        assertThat(index.size()).isZero();
        // The publication arriving after the withdrawal (an event replayed from the start) stays out.
        assertThat(index.apply(offer, 2)).isFalse();
        assertThat(index.remove(offer.id(), 3)).isFalse();
        assertThat(candidateIds(request)).isEmpty();
    }

    @Test
    void aDraftIsNotHeldAndAnExpiredOneIsDropped() {
        Opportunity draft = draft("robots-koriyama", OpportunityType.TECHNOLOGY_OFFER, Map.of("en", "Robot"),
                Map.of("en", "Robot."), List.of());
        index.apply(draft, 1);
        Opportunity request = english("hospitals-essen", OpportunityType.TECHNOLOGY_REQUEST, "Robot", "Robot.");
        assertThat(candidateIds(request)).isEmpty();
        Opportunity published = draft.publish(NOW).aggregate();
        index.apply(published, 2);
        assertThat(candidateIds(request)).containsExactly(published.id());
        index.remove(published.id(), 3);
        assertThat(candidateIds(request)).isEmpty();
        assertThat(index.size()).isZero();
    }
}
