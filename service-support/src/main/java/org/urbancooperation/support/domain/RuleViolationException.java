package org.urbancooperation.support.domain;

/**
 * A well-formed command that the aggregate's current state does not allow, e.g. signing an
 * agreement on a closed partnership (answered as 409).
 */
public class RuleViolationException extends DomainException {

    public RuleViolationException(String message) {
        super(message);
    }
}
