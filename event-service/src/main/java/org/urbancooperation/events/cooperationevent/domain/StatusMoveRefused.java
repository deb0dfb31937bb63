package org.urbancooperation.events.cooperationevent.domain;

import java.util.Set;

import org.urbancooperation.support.domain.RuleViolationException;

/** A lifecycle move the current state does not allow (409): names the state and the moves allowed from it. */
public class StatusMoveRefused extends RuleViolationException {

    private final EventStatus current;

    public StatusMoveRefused(EventStatus current, String message) {
        super(message);
        this.current = current;
    }

    public EventStatus current() {
        return current;
    }

    public Set<EventStatus> allowed() {
        return current.allowedMoves();
    }
}
