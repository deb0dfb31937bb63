package org.urbancooperation.matching.schedule.domain;

import java.util.Objects;

/**
 * An accepted match waiting for a meeting between its two participants. Higher {@code priority} is placed first when
 * not all fit.
 */
public record MatchToPlace(String matchId, String participantA, String participantB, int priority) {

    public MatchToPlace {
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(participantA, "participantA");
        Objects.requireNonNull(participantB, "participantB");
        if (participantA.equals(participantB)) {
            throw new IllegalArgumentException("a match is between two participants: " + matchId);
        }
    }
}
