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

    /**
     * The version an {@code If-Match} header asks for: {@code *} or absent (any), one strong entity tag
     * ({@code "3"}), or a list of tags. Writes compare strongly (RFC 9110 13.1.1): a weak tag ({@code W/"3"}) never
     * matches, so a header of weak tags only is a 412, and a list matches when one of its strong tags does.
     *
     * @throws InvalidValueException (400 naming If-Match) for anything that is not entity tags
     */
    public static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return ExpectedVersion.any();
        }
        java.util.Set<Long> strong = new java.util.HashSet<>();
        for (String part : ifMatch.split(",", -1)) {
            String tag = part.strip();
            boolean weak = tag.startsWith("W/");
            if (weak) {
                tag = tag.substring(2);
            }
            if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
                throw invalid();
            }
            long version;
            try {
                version = Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                throw invalid();
            }
            if (!weak) {
                strong.add(version);
            }
        }
        return ExpectedVersion.oneOf(strong);
    }

    private static InvalidValueException invalid() {
        return new InvalidValueException("If-Match", "If-Match must be an entity tag from this API, e.g. \"3\"");
    }
}
