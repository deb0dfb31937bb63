package org.urbancooperation.support.domain;

import java.util.Collection;

/** Argument checks for domain constructors that name the offending field. */
public final class Require {

    private Require() {
    }

    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidValueException(field, field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
        return value;
    }

    public static <C extends Collection<?>> C size(String field, C values, int min, int max) {
        present(field, values);
        if (values.size() < min || values.size() > max) {
            throw new InvalidValueException(field, field + " must have between " + min + " and " + max + " entries");
        }
        return values;
    }
}
