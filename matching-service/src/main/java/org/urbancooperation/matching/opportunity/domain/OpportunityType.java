package org.urbancooperation.matching.opportunity.domain;

/**
 * The Enterprise Europe Network's kinds of partnering opportunity. An offer meets a request of the same kind
 * ({@link #complements}); an R&D cooperation request meets another one, or a technology offer.
 */
public enum OpportunityType {
    BUSINESS_OFFER,
    BUSINESS_REQUEST,
    TECHNOLOGY_OFFER,
    TECHNOLOGY_REQUEST,
    RND_COOPERATION_REQUEST;

    /** Whether an opportunity of this type is what one of {@code other} looks for (a symmetric relation). */
    public boolean complements(OpportunityType other) {
        switch (this) {
            case BUSINESS_OFFER:
                return other == BUSINESS_REQUEST;
            case BUSINESS_REQUEST:
                return other == BUSINESS_OFFER;
            case TECHNOLOGY_OFFER:
                return other == TECHNOLOGY_REQUEST || other == RND_COOPERATION_REQUEST;
            case TECHNOLOGY_REQUEST:
                return other == TECHNOLOGY_OFFER;
            case RND_COOPERATION_REQUEST:
                return other == RND_COOPERATION_REQUEST || other == TECHNOLOGY_OFFER;
            default:
                throw new IllegalStateException(name());
        }
    }
}
