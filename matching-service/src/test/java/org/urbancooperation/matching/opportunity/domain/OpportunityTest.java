package org.urbancooperation.matching.opportunity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.RuleViolationException;

class OpportunityTest {

    static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

    static Opportunity.Input input(Instant validUntil) {
        return new Opportunity.Input(OpportunityType.TECHNOLOGY_OFFER, Map.of("en", "Disinfection robots (demo)"),
                Map.of("en", "Demo: UV robots."), List.of(Sector.MEDICAL_DEVICES),
                List.of(Subsector.HYGIENE_AND_DISINFECTION), List.of("UV"), List.of(CooperationType.DISTRIBUTION),
                List.of("DE"), validUntil);
    }

    static Opportunity published(Instant validUntil) {
        return Opportunity.draft(UUID.randomUUID(), "robots-koriyama", input(validUntil), NOW).aggregate()
                .publish(NOW).aggregate();
    }

    @Test
    void aDraftRaisesNothingAndPublishingRaisesPublished() {
        var drafted = Opportunity.draft(UUID.randomUUID(), "robots-koriyama", input(NOW.plus(Duration.ofDays(30))), NOW);
        assertThat(drafted.events()).isEmpty();
        assertThat(drafted.aggregate().status()).isEqualTo(OpportunityStatus.DRAFT);
        var published = drafted.aggregate().publish(NOW);
        assertThat(published.events()).singleElement().isInstanceOf(OpportunityEvent.Published.class);
        assertThat(published.aggregate().publish(NOW).events()).isEmpty();
    }

    @Test
    void itExpiresAtValidUntilAndNotBefore() {
        Instant until = NOW.plus(Duration.ofDays(2));
        Opportunity o = published(until);
        assertThat(o.expireIfDue(until.minusMillis(1)).events()).isEmpty();
        var expired = o.expireIfDue(until);
        assertThat(expired.aggregate().status()).isEqualTo(OpportunityStatus.EXPIRED);
        assertThat(expired.events()).singleElement().isInstanceOf(OpportunityEvent.Expired.class);
        assertThat(expired.aggregate().expireIfDue(until.plusSeconds(60)).events()).isEmpty();
        assertThatThrownBy(() -> expired.aggregate().revise(input(until.plus(Duration.ofDays(10))), until))
                .isInstanceOf(RuleViolationException.class);
        var renewed = expired.aggregate().renew(until.plus(Duration.ofDays(10)), until);
        assertThat(renewed.aggregate().status()).isEqualTo(OpportunityStatus.PUBLISHED);
        assertThat(renewed.events()).singleElement().isInstanceOf(OpportunityEvent.Published.class);
    }

    @Test
    void withdrawingADraftPublishesNothingAndAWithdrawnOneIsNeitherPublishedNorRenewed() {
        var draft = Opportunity.draft(UUID.randomUUID(), "robots-koriyama", input(NOW.plus(Duration.ofDays(3))), NOW);
        var withdrawn = draft.aggregate().withdraw(null);
        assertThat(withdrawn.events()).isEmpty();
        assertThatThrownBy(() -> withdrawn.aggregate().publish(NOW)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> withdrawn.aggregate().renew(NOW.plus(Duration.ofDays(9)), NOW))
                .isInstanceOf(RuleViolationException.class);
        var renewedDraft = draft.aggregate().renew(NOW.plus(Duration.ofDays(9)), NOW);
        assertThat(renewedDraft.aggregate().status()).isEqualTo(OpportunityStatus.DRAFT);
        assertThat(renewedDraft.events()).isEmpty();
        var byOperator = published(NOW.plus(Duration.ofDays(3))).withdraw("Abusive content");
        assertThat(byOperator.events()).singleElement().isInstanceOf(OpportunityEvent.Withdrawn.class);
        assertThat(byOperator.aggregate().withdrawalReason()).isEqualTo("Abusive content");
    }

    @Test
    void validityIsInTheFutureAndAtMostAYearAheadAndTheTypeStays() {
        assertThatThrownBy(() -> Opportunity.draft(UUID.randomUUID(), "b", input(NOW), NOW))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("validUntil"));
        assertThatThrownBy(() -> Opportunity.draft(UUID.randomUUID(), "b", input(NOW.plus(Duration.ofDays(367))), NOW))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("validUntil"));
        Opportunity o = published(NOW.plus(Duration.ofDays(30)));
        Opportunity.Input other = input(NOW.plus(Duration.ofDays(30)));
        Opportunity.Input request = new Opportunity.Input(OpportunityType.TECHNOLOGY_REQUEST, other.title(),
                other.summary(), other.sectors(), other.subsectors(), other.keywords(), other.cooperationTypes(),
                other.targetCountries(), other.validUntil());
        var revised = o.revise(request, NOW);
        assertThat(revised.aggregate().type()).as("the type stays").isEqualTo(OpportunityType.TECHNOLOGY_OFFER);
        assertThat(revised.events()).isEmpty();
        assertThat(o.revise(other, NOW).events()).isEmpty();
    }

    @Test
    void complementaryTypesAreSymmetric() {
        for (OpportunityType a : OpportunityType.values()) {
            for (OpportunityType b : OpportunityType.values()) {
                assertThat(a.complements(b)).as(a + " / " + b).isEqualTo(b.complements(a));
            }
        }
        assertThat(OpportunityType.TECHNOLOGY_OFFER.complements(OpportunityType.TECHNOLOGY_REQUEST)).isTrue();
        assertThat(OpportunityType.BUSINESS_OFFER.complements(OpportunityType.BUSINESS_OFFER)).isFalse();
    }
}
