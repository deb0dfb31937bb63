package org.urbancooperation.matching.proposal.domain;

import java.util.List;

/**
 * One reason in a proposal's score.
 *
 * @param reason the reason in words a business understands ("both in hydrogen")
 * @param terms the words behind it, where there are some (the matched terms of the text rule)
 */
public record ScorePart(ScoreRule rule, int points, String reason, List<String> terms) {

    public ScorePart {
        if (points < 0 || points > rule.maxPoints()) {
            throw new IllegalArgumentException(rule + " gives 0 to " + rule.maxPoints() + " points, not " + points);
        }
        terms = List.copyOf(terms);
    }
}
