package org.urbancooperation.partnership.actionplan.domain;

import java.util.Set;
import java.util.TreeSet;

import org.urbancooperation.support.domain.RuleViolationException;

/** A move the action's current status does not allow (409), naming the status and the moves allowed from it. */
public class ActionMoveRefused extends RuleViolationException {

    private final ActionStatus current;
    private final Set<ActionStatus> allowed;

    public ActionMoveRefused(ActionStatus current, String attempted) {
        super("The action is " + current + "; " + attempted + " is not possible from it; "
                + (current.isFinal() ? "it is final, no move is allowed"
                        : "allowed moves: " + new TreeSet<>(current.allowedMoves())));
        this.current = current;
        this.allowed = current.allowedMoves();
    }

    public ActionStatus current() {
        return current;
    }

    public Set<ActionStatus> allowed() {
        return new TreeSet<>(allowed);
    }
}
