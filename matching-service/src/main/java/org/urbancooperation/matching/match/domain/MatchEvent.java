package org.urbancooperation.matching.match.domain;

/** What happens to a match; the application publishes each as an integration event. */
public sealed interface MatchEvent {

    Match match();

    record Proposed(Match match) implements MatchEvent {
    }

    record InterestExpressed(Match match) implements MatchEvent {
    }

    /** The second side accepted: from now on each side sees the other's contacts. */
    record Confirmed(Match match) implements MatchEvent {
    }

    record Declined(Match match) implements MatchEvent {
    }

    record Expired(Match match) implements MatchEvent {
    }

    /** Both sides reported a cooperation agreement reached. */
    record AgreementReached(Match match) implements MatchEvent {
    }
}
