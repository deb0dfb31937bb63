package org.urbancooperation.support.application;

/**
 * A command refers to something this service does not know, e.g. a cooperation event for a
 * partnership that was never established (422 naming the field).
 */
public class UnknownReferenceException extends RuntimeException {

    private final String field;

    public UnknownReferenceException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
