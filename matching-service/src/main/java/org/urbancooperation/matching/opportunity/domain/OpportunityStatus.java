package org.urbancooperation.matching.opportunity.domain;

/** draft → published → expired (by itself at validUntil) or withdrawn; an expired one may be renewed. */
public enum OpportunityStatus {
    DRAFT,
    PUBLISHED,
    EXPIRED,
    WITHDRAWN
}
