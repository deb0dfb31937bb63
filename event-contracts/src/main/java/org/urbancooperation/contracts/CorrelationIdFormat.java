package org.urbancooperation.contracts;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
        return newId();
    }

    /**
     * A random (version 4) UUID from the thread's own generator. Correlation ids only need to be
     * unique, not unguessable; {@link UUID#randomUUID()} takes a lock on the shared SecureRandom for
     * each one, which showed in the gateway's profile of every request without an id.
     */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
