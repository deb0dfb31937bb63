package org.urbancooperation.support.web;

import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.domain.InvalidValueException;

/**
 * Aggregate versions as HTTP entity tags: {@code ETag: "3"} on reads, {@code If-Match: "3"} on
 * changes. Strong tags, since a version names exactly one state.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** @throws InvalidValueException (400 naming If-Match) for anything but one quoted version or {@code *} */
    public static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return ExpectedVersion.any();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return ExpectedVersion.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("If-Match", "If-Match must be an entity tag from this API, e.g. \"3\"");
        }
    }
}
