package org.urbancooperation.events.cooperationevent.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a cooperation event is in its life: DRAFT (seen by its organisers only) → PUBLISHED → COMPLETED, or
 * POSTPONED (new dates, a reason; still public) or CANCELLED (a reason). COMPLETED and CANCELLED are final.
 */
public enum EventStatus {
    DRAFT,
    PUBLISHED,
    POSTPONED,
    CANCELLED,
    COMPLETED;

    public Set<EventStatus> allowedMoves() {
        switch (this) {
            case DRAFT:
                return EnumSet.of(PUBLISHED, CANCELLED);
            case PUBLISHED:
            case POSTPONED:
                return EnumSet.of(POSTPONED, CANCELLED, COMPLETED);
            default:
                return EnumSet.noneOf(EventStatus.class);
        }
    }

    /** Drafts are the organisers' own; every other state is public. */
    public boolean isPublic() {
        return this != DRAFT;
    }
}
