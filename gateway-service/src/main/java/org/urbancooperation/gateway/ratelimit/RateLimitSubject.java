package org.urbancooperation.gateway.ratelimit;

/**
 * Whose bucket a request counts against.
 *
 * @param key the caller: {@code <authentication>:<subject>} for an authenticated caller,
 *        {@code ip:<address>} for an anonymous one
 * @param role the limit applied, also the metrics tag: a configured role, or {@code anonymous}
 * @param limit the bucket's settings
 */
record RateLimitSubject(String key, String role, RateLimitProperties.Limit limit) {

    /** The bucket's name in the store: role and settings are part of it, so a change starts new buckets. */
    String bucketName() {
        return role + ":" + limit.fingerprint() + ":" + key;
    }
}
