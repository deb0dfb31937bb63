package org.urbancooperation.matching.opportunity.domain;

/** The kinds of cooperation an opportunity seeks (the Enterprise Europe Network's list). */
public enum CooperationType {
    COMMERCIAL_AGENCY,
    DISTRIBUTION,
    JOINT_VENTURE,
    LICENSING,
    MANUFACTURING,
    RESEARCH_AND_DEVELOPMENT,
    INVESTMENT
}
