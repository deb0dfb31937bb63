package org.urbancooperation.matching.match.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.matching.opportunity.domain.CooperationType;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.domain.RuleViolationException;

class MatchTest {

    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    static final Duration EXPIRY = Duration.ofDays(14);
    static final UUID ROBOTS_OFFER = UUID.randomUUID();
    static final UUID HOSPITAL_REQUEST = UUID.randomUUID();
    static final List<UUID> PARTNERSHIPS = List.of(UUID.randomUUID());

    static Match proposed() {
        MatchSide robots = new MatchSide("robots-koriyama", ROBOTS_OFFER, null, null);
        MatchSide hospitals = new MatchSide("hospitals-essen", HOSPITAL_REQUEST, null, null);
        return Match.propose(Match.idOfPair(Match.pairKey(robots), Match.pairKey(hospitals)), robots, hospitals, null,
                7.5, List.of("both in hygiene and disinfection"), NOW, EXPIRY).aggregate();
    }

    @Test
    void theSecondAcceptanceConfirmsAndOnlyThatRaisesAnEvent() {
        ResultWithEvents<Match, MatchEvent> first = proposed().accept("robots-koriyama", NOW, List.of());
        assertThat(first.aggregate().status()).isEqualTo(MatchStatus.PENDING);
        assertThat(first.events()).isEmpty();
        assertThat(first.aggregate().accept("robots-koriyama", NOW, List.of()).aggregate()).isEqualTo(first.aggregate());

        ResultWithEvents<Match, MatchEvent> second = first.aggregate().accept("hospitals-essen", NOW.plusSeconds(5),
                PARTNERSHIPS);
        assertThat(second.aggregate().status()).isEqualTo(MatchStatus.CONFIRMED);
        assertThat(second.aggregate().partnershipIds()).isEqualTo(PARTNERSHIPS);
        assertThat(second.events()).singleElement().isInstanceOf(MatchEvent.Confirmed.class);
        // Accepting a confirmed match again changes nothing.
        assertThat(second.aggregate().accept("hospitals-essen", NOW, List.of()).events()).isEmpty();
    }

    @Test
    void anExpressionOfInterestIsTheRequestersAcceptance() {
        MatchSide from = new MatchSide("hospitals-essen", null, null, null);
        MatchSide to = new MatchSide("robots-koriyama", ROBOTS_OFFER, null, null);
        Match requested = Match.expressInterest(UUID.randomUUID(), from, to, null, "Shall we meet?", NOW, EXPIRY, 0)
                .aggregate();
        assertThat(requested.first().hasAccepted()).isTrue();
        assertThat(requested.capPlace()).as("it holds a place under the requester's cap").isZero();
        assertThat(requested.schedulingPriority()).as("asked for by name: before any proposal")
                .isGreaterThan(Match.propose(UUID.randomUUID(), from, to, null, 100, List.of(), NOW, EXPIRY)
                        .aggregate().schedulingPriority());
        Match confirmed = requested.accept("robots-koriyama", NOW, PARTNERSHIPS).aggregate();
        assertThat(confirmed.status()).isEqualTo(MatchStatus.CONFIRMED);
        assertThat(confirmed.capPlace()).as("answered: the place is free again").isNull();
        assertThat(requested.decline("robots-koriyama", null).aggregate().capPlace()).isNull();
        assertThat(requested.expireIfDue(NOW.plus(EXPIRY)).aggregate().capPlace()).isNull();
        assertThatThrownBy(() -> Match.expressInterest(UUID.randomUUID(), from, to, null, " ", NOW, EXPIRY, 0))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("message");
        assertThatThrownBy(() -> Match.expressInterest(UUID.randomUUID(), from,
                new MatchSide("hospitals-essen", ROBOTS_OFFER, null, null), null, "Hi", NOW, EXPIRY, 0))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aDeclinedOrExpiredMatchIsNoLongerAnsweredAndTheProblemNamesItsStatus() {
        Match declined = proposed().decline("hospitals-essen", "Not now").aggregate();
        assertThat(declined.status()).isEqualTo(MatchStatus.DECLINED);
        assertThat(declined.declineReason()).isEqualTo("Not now");
        assertThatThrownBy(() -> declined.accept("robots-koriyama", NOW, List.of()))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("DECLINED");
        assertThatThrownBy(() -> declined.decline("robots-koriyama", null))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("DECLINED");

        Match pending = proposed();
        assertThat(pending.expireIfDue(NOW.plus(EXPIRY).minusMillis(1)).events()).isEmpty();
        ResultWithEvents<Match, MatchEvent> expired = pending.expireIfDue(NOW.plus(EXPIRY));
        assertThat(expired.aggregate().status()).isEqualTo(MatchStatus.EXPIRED);
        assertThat(expired.events()).singleElement().isInstanceOf(MatchEvent.Expired.class);
        assertThatThrownBy(() -> expired.aggregate().accept("robots-koriyama", NOW, List.of()))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("EXPIRED");
        // Not yet expired by the scan, but its time is up: no acceptance after expiresAt.
        assertThatThrownBy(() -> pending.accept("robots-koriyama", NOW.plus(EXPIRY), List.of()))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void anAgreementIsReachedWhenBothSidesReportOneEachOnce() {
        Match confirmed = proposed().accept("robots-koriyama", NOW, List.of()).aggregate()
                .accept("hospitals-essen", NOW, PARTNERSHIPS).aggregate();
        assertThatThrownBy(() -> proposed().reportOutcome("robots-koriyama", new Outcome(5, false, null)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("PENDING");
        ResultWithEvents<Match, MatchEvent> one = confirmed.reportOutcome("robots-koriyama",
                new Outcome(5, true, CooperationType.DISTRIBUTION));
        assertThat(one.events()).isEmpty();
        assertThatThrownBy(() -> one.aggregate().reportOutcome("robots-koriyama", new Outcome(4, false, null)))
                .isInstanceOf(RuleViolationException.class);
        ResultWithEvents<Match, MatchEvent> both = one.aggregate().reportOutcome("hospitals-essen",
                new Outcome(4, true, CooperationType.DISTRIBUTION));
        assertThat(both.events()).singleElement().isInstanceOf(MatchEvent.AgreementReached.class);

        assertThat(confirmed.reportOutcome("robots-koriyama", new Outcome(3, true, CooperationType.LICENSING))
                .aggregate().reportOutcome("hospitals-essen", new Outcome(2, false, null)).events()).isEmpty();
    }

    @Test
    void outcomesAreCheckedNamingTheField() {
        assertThatThrownBy(() -> new Outcome(6, false, null)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("rating");
        assertThatThrownBy(() -> new Outcome(3, true, null)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("agreementType");
        assertThatThrownBy(() -> new Outcome(3, false, CooperationType.LICENSING))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("agreementType");
    }

    @Test
    void anOperatorWithdrawalTakesTheMessageDown() {
        Match requested = Match.expressInterest(UUID.randomUUID(), new MatchSide("hospitals-essen", null, null, null),
                new MatchSide("robots-koriyama", ROBOTS_OFFER, null, null), null, "abusive words", NOW, EXPIRY, 3)
                .aggregate();
        Match withdrawn = requested.withdraw("Abusive message").aggregate();
        assertThat(withdrawn.status()).isEqualTo(MatchStatus.WITHDRAWN);
        assertThat(withdrawn.message()).isNull();
        assertThat(withdrawn.withdrawalReason()).isEqualTo("Abusive message");
        assertThatThrownBy(() -> requested.withdraw(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aPairHasOneIdInEitherOrder() {
        String a = "opportunity:" + ROBOTS_OFFER;
        String b = "opportunity:" + HOSPITAL_REQUEST;
        assertThat(Match.idOfPair(a, b)).isEqualTo(Match.idOfPair(b, a));
        assertThat(Match.idOfPair(a, b)).isNotEqualTo(Match.idOfPair(a, "business:hospitals-essen"));
        assertThat(Match.idOfOpportunities(HOSPITAL_REQUEST, ROBOTS_OFFER)).isEqualTo(proposed().id());
    }
}
