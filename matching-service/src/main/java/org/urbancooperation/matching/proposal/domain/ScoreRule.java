package org.urbancooperation.matching.proposal.domain;

/** The named parts of a proposal's score, and the most points each gives. */
public enum ScoreRule {
    COMPLEMENTARY_TYPES(20),
    SECTORS(10),
    SUBSECTORS(20),
    TEXT(25),
    TARGET_COUNTRIES(10),
    COOPERATION_TYPES(10),
    SHARED_LANGUAGE(5);

    private final int maxPoints;

    ScoreRule(int maxPoints) {
        this.maxPoints = maxPoints;
    }

    public int maxPoints() {
        return maxPoints;
    }
}
