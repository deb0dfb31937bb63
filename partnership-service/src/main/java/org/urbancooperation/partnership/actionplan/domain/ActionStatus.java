package org.urbancooperation.partnership.actionplan.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an action stands. The moves between them:
 *
 * <pre>
 * PLANNED   -> UNDERWAY, POSTPONED, CANCELLED
 * UNDERWAY  -> COMPLETED, POSTPONED, CANCELLED
 * POSTPONED -> PLANNED, UNDERWAY, POSTPONED (postponed again, with a new window), CANCELLED
 * COMPLETED, CANCELLED: final
 * </pre>
 *
 * An action is not completed without having been underway; a postponed one is postponed again rather than
 * planned and postponed (the scholars' "April 2021 or 2022" becomes 2022 by a second postponement).
 */
public enum ActionStatus {
    PLANNED, UNDERWAY, POSTPONED, COMPLETED, CANCELLED;

    public Set<ActionStatus> allowedMoves() {
        return switch (this) {
            case PLANNED -> EnumSet.of(UNDERWAY, POSTPONED, CANCELLED);
            case UNDERWAY -> EnumSet.of(COMPLETED, POSTPONED, CANCELLED);
            case POSTPONED -> EnumSet.of(PLANNED, UNDERWAY, POSTPONED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(ActionStatus.class);
        };
    }

    public boolean mayMoveTo(ActionStatus next) {
        return allowedMoves().contains(next);
    }

    public boolean isFinal() {
        return allowedMoves().isEmpty();
    }

    /** Still to happen: an action in one of these whose window has ended is overdue. */
    public boolean isOpen() {
        return this == PLANNED || this == UNDERWAY || this == POSTPONED;
    }
}
