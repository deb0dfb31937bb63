package org.urbancooperation.contracts;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id as the gateway and the services agree on it: the HTTP header that carries it
 * and the ids accepted from callers. Anything else is replaced by a new id, never echoed, so a
 * caller cannot inject text into logs, responses or event envelopes.
 */
public final class CorrelationIdFormat {

    public static final String HTTP_HEADER = "X-Correlation-Id";

    /** What partners' systems typically send: UUIDs, trace ids, request ids. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationIdFormat() {
    }

    /** The given id when it is well-formed, otherwise a new one. */
    public static String acceptOrCreate(String candidate) {
        if (candidate != null && ACCEPTED.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }
}
