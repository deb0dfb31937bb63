package org.urbancooperation.matching.proposal.domain;

import java.util.List;

import org.urbancooperation.support.domain.Require;

/**
 * How alike two opportunities' words are, as the text index measured it: a relevance from 0 (nothing shared) to 1,
 * and the words that were found in both, as the asking opportunity wrote them.
 */
public record TextSimilarity(double relevance, List<String> matchedTerms) {

    public static final TextSimilarity NONE = new TextSimilarity(0, List.of());

    public TextSimilarity {
        if (!(relevance >= 0 && relevance <= 1)) {
            throw new IllegalArgumentException("relevance must be within 0 and 1, was " + relevance);
        }
        matchedTerms = List.copyOf(Require.present("matchedTerms", matchedTerms));
    }
}
