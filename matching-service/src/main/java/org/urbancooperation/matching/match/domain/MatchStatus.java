package org.urbancooperation.matching.match.domain;

/**
 * PENDING (proposed by the system or requested as an expression of interest, waiting for both sides) → CONFIRMED
 * (both accepted), DECLINED (by either), EXPIRED (not answered in time) or WITHDRAWN (by an operator, e.g. abusive
 * content).
 */
public enum MatchStatus {
    PENDING,
    CONFIRMED,
    DECLINED,
    EXPIRED,
    WITHDRAWN
}
