package org.urbancooperation.matching.proposal.application;

import org.urbancooperation.matching.proposal.domain.MatchableOpportunity;
import org.urbancooperation.matching.proposal.domain.TextSimilarity;

/** A published opportunity the index found for another, and how alike their words are. */
public record Candidate(MatchableOpportunity opportunity, TextSimilarity text) {
}
