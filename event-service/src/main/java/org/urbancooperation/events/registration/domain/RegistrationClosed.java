package org.urbancooperation.events.registration.domain;

import org.urbancooperation.support.domain.RuleViolationException;

/** Registration is not open (the event is not published, or its deadline passed); {@code field} says why. */
public class RegistrationClosed extends RuleViolationException {

    private final String field;

    public RegistrationClosed(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
