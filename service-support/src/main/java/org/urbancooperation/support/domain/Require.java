package org.urbancooperation.support.domain;

import java.time.ZoneId;
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

    /**
     * An IANA time zone by its region name (Europe/Berlin, Asia/Tokyo). Fixed offsets such as
     * +09:00 are refused: they ignore daylight saving time, so a CET agenda would be wrong half the year.
     */
    public static ZoneId timeZone(String field, String id) {
        present(field, id);
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw new InvalidValueException(field, id + " is not an IANA time zone such as Europe/Berlin or Asia/Tokyo");
        }
        return ZoneId.of(id);
    }

    public static <C extends Collection<?>> C size(String field, C values, int min, int max) {
        present(field, values);
        if (values.size() < min || values.size() > max) {
            throw new InvalidValueException(field, field + " must have between " + min + " and " + max + " entries");
        }
        return values;
    }
}
