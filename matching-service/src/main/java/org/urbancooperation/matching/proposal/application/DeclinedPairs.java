package org.urbancooperation.matching.proposal.application;

import java.util.UUID;

/**
 * Whether a match between two opportunities was declined by either business: such a pair is never proposed again.
 * Answered by the match lifecycle, which records the declines.
 */
public interface DeclinedPairs {

    /** The same answer for either order of the two. */
    boolean declined(UUID opportunityId, UUID otherOpportunityId);
}
