package org.urbancooperation.matching.proposal.domain;

import java.util.List;

/** A proposal's score and the parts it is made of: the parts add up to the score, by construction. */
public record Score(List<ScorePart> parts) {

    /** The most any pair can score: the sum of every rule's maximum. */
    public static final int MAX = java.util.Arrays.stream(ScoreRule.values()).mapToInt(ScoreRule::maxPoints).sum();

    public Score {
        parts = List.copyOf(parts);
    }

    public int total() {
        return parts.stream().mapToInt(ScorePart::points).sum();
    }
}
