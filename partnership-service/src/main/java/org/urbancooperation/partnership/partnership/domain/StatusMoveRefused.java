package org.urbancooperation.partnership.partnership.domain;

import java.util.Set;

import org.urbancooperation.support.domain.RuleViolationException;

/** A lifecycle move the current state does not allow (409): names the state and the moves allowed from it. */
public class StatusMoveRefused extends RuleViolationException {

    private final PartnershipStatus current;
    private final Set<PartnershipStatus> allowed;

    public StatusMoveRefused(String message, PartnershipStatus current) {
        super(message);
        this.current = current;
        this.allowed = current.allowedMoves();
    }

    public PartnershipStatus current() {
        return current;
    }

    public Set<PartnershipStatus> allowed() {
        return allowed;
    }
}
