package org.urbancooperation.matching.match.domain;

/** How a match came about: proposed by the matching engine, or requested by a business with a message. */
public enum MatchOrigin {
    SYSTEM_PROPOSAL,
    EXPRESSION_OF_INTEREST
}
