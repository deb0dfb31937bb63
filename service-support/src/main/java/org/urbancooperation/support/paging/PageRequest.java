package org.urbancooperation.support.paging;

import org.urbancooperation.support.domain.InvalidValueException;

/**
 * Which page a client asks for: the items after the key its cursor names (none: from the start), at most
 * {@code limit} of them. Lists are ordered by an immutable key (the id), so an item changed or inserted between
 * two pages can neither move across the cursor nor be seen twice.
 */
public record PageRequest(String after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The first page. */
    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }

    /**
     * From the query parameters {@code cursor} and {@code limit} (both optional).
     *
     * @throws InvalidValueException (400) naming {@code cursor} for a cursor this API did not issue, or {@code limit}
     *         outside 1..200
     */
    public static PageRequest of(String cursor, Integer limit) {
        return new PageRequest(cursor == null ? null : Cursors.decode(cursor), limit == null ? DEFAULT_LIMIT : limit);
    }

    public boolean isFirst() {
        return after == null;
    }
}
