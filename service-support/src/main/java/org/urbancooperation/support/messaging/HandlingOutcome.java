package org.urbancooperation.support.messaging;

/** What consuming one integration event did; counted per type in {@code ucp_events_consumed_total}. */
public enum HandlingOutcome {
    /** The effect was applied now. */
    APPLIED,
    /** This event id was applied before: redelivery, nothing changed. */
    DUPLICATE,
    /** The read model already holds a newer version of the aggregate: nothing changed. */
    STALE
}
