package org.urbancooperation.support.domain;

/** A value is not acceptable for a field (answered as 400 naming the field). */
public class InvalidValueException extends DomainException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
