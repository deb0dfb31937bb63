package org.urbancooperation.matching.match.application;

import java.util.List;
import java.util.UUID;

/**
 * The matching engine, as the match lifecycle asks it: the best candidates for a published opportunity, with their
 * score and the reasons in words. Implemented by the proposal feature (wired in config), so that neither feature's use
 * cases call the other's.
 */
public interface ProposalSource {

    record Candidate(UUID opportunityId, int score, List<String> reasons) {
    }

    /** At most {@code limit} candidates, best first; empty when the opportunity is not published. */
    List<Candidate> best(UUID opportunityId, int limit);
}
