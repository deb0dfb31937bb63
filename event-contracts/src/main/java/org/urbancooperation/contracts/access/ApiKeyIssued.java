package org.urbancooperation.contracts.access;

import java.time.Instant;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * An operator issued an API key, e.g. the City of Essen's integration key. Carries what the gateway
 * needs to check the key without calling a service: the key itself never appears, only the SHA-256
 * of its secret part.
 *
 * <p>The key a caller presents is {@code ucp_<keyId>_<secret>}: {@code keyId} is 16 lower-case hex
 * characters (no underscore), the secret 43 base64url characters (32 random bytes, no padding; it may
 * itself contain {@code _} and {@code -}). Split after the first 20 characters, not on every
 * underscore; hash the secret's ASCII bytes with SHA-256 and compare the hex digest with
 * {@code secretHash} in constant time.
 *
 * @param keyId the key's public id; also the record key
 * @param secretHash lower-case hex SHA-256 of the secret part
 * @param role {@code operator}, {@code partner} or {@code business}
 * @param organisationId the partner's organisation (partner keys only), e.g. {@code city-of-essen}
 * @param businessId the company (business keys only), e.g. {@code hydrogen-koriyama}
 * @param expiresAt when the key stops working; null when it does not expire
 */
public record ApiKeyIssued(
        String keyId,
        String secretHash,
        String role,
        String organisationId,
        String businessId,
        String label,
        Instant issuedAt,
        Instant expiresAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return keyId;
    }

    @Override
    public String toString() {
        // The hash is not the secret, but it has no business in logs either.
        return "ApiKeyIssued[keyId=" + keyId + ", role=" + role + ", organisationId=" + organisationId
                + ", businessId=" + businessId + ", label=" + label + ", issuedAt=" + issuedAt
                + ", expiresAt=" + expiresAt + "]";
    }
}
