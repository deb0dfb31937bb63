package org.urbancooperation.support.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A value is not acceptable for a field (answered as 400 naming the field). The field is named by its
 * full path in the request, e.g. {@code cities[0].timeZone}: a value object checked on its own names
 * its own field, and whoever holds it puts it in place with {@link #within(String)}.
 */
public class InvalidValueException extends DomainException {

    private final String field;
    private final List<String> relatedFields;

    public InvalidValueException(String field, String message) {
        this(field, List.of(), message);
    }

    private InvalidValueException(String field, List<String> relatedFields, String message) {
        super(message);
        this.field = field;
        this.relatedFields = List.copyOf(relatedFields);
    }

    /**
     * A rule between two fields, e.g. endsAt after startsAt: both are named, since changing either one
     * would do (and a client that sent a wrong startsAt should not be told its endsAt is wrong).
     */
    public static InvalidValueException between(String field, String otherField, String message) {
        return new InvalidValueException(field, List.of(otherField), message);
    }

    public String field() {
        return field;
    }

    /** Every field the refusal names: {@link #field()} first, then those of a rule between fields. */
    public List<String> fields() {
        List<String> all = new ArrayList<>();
        all.add(field);
        all.addAll(relatedFields);
        return all;
    }

    /** The same refusal, with the field named below {@code parent}: {@code timeZone} within {@code cities[0]}. */
    public InvalidValueException within(String parent) {
        InvalidValueException placed = new InvalidValueException(placed(parent, field),
                relatedFields.stream().map(f -> placed(parent, f)).toList(), getMessage());
        placed.setStackTrace(getStackTrace());
        return placed;
    }

    private static String placed(String parent, String field) {
        return field == null || field.isEmpty() ? parent : field.startsWith("[") ? parent + field : parent + "." + field;
    }
}
