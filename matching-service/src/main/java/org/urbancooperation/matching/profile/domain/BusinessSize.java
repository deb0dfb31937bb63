package org.urbancooperation.matching.profile.domain;

/** Head count bands as the EU's SME definition draws them: micro < 10, small < 50, medium < 250, large. */
public enum BusinessSize {
    MICRO,
    SMALL,
    MEDIUM,
    LARGE
}
