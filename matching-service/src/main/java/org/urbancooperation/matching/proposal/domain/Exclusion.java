package org.urbancooperation.matching.proposal.domain;

/** Why an opportunity is never proposed to another, whatever its score would be. */
public enum Exclusion {
    /** Both belong to the same business: nobody needs to be matched with itself. */
    SAME_BUSINESS,
    DRAFT,
    /** Expired, or its validUntil has come although the expiry has not run yet. */
    EXPIRED,
    WITHDRAWN,
    /** An offer meets a request, not another offer ({@code OpportunityType.complements}). */
    NOT_COMPLEMENTARY,
    /** One of the two businesses declined a match between these two opportunities before. */
    DECLINED
}
