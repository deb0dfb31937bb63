package org.urbancooperation.support.domain;

/**
 * A value is not acceptable for a field (answered as 400 naming the field). The field is named by its
 * full path in the request, e.g. {@code cities[0].timeZone}: a value object checked on its own names
 * its own field, and whoever holds it puts it in place with {@link #within(String)}.
 */
public class InvalidValueException extends DomainException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The same refusal, with the field named below {@code parent}: {@code timeZone} within {@code cities[0]}. */
    public InvalidValueException within(String parent) {
        String path = field == null || field.isEmpty() ? parent
                : field.startsWith("[") ? parent + field : parent + "." + field;
        InvalidValueException placed = new InvalidValueException(path, getMessage());
        placed.setStackTrace(getStackTrace());
        return placed;
    }
}
