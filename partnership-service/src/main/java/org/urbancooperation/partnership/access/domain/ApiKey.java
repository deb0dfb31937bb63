package org.urbancooperation.partnership.access.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.domain.RuleViolationException;

/**
 * A key with which a partner organisation (e.g. the City of Essen), a business or the programme
 * secretariat calls the platform's API through the gateway. Holds the hash of the secret, never the
 * secret. Immutable: each command returns the new state and the events it raised.
 *
 * @param id the key id, the public part of the key
 * @param organisationId partner keys only: the organisation, a slug such as {@code city-of-essen}
 * @param businessId business keys only: the company, a slug such as {@code hydrogen-koriyama}
 * @param expiresAt when the key stops working; null for a key without expiry
 * @param revokedAt when it was revoked; set exactly when the status is REVOKED
 * @param secretHash lower-case hex SHA-256 of the key's secret
 */
public record ApiKey(
        String id,
        ApiKeyRole role,
        String organisationId,
        String businessId,
        String label,
        Instant issuedAt,
        Instant expiresAt,
        ApiKeyStatus status,
        Instant revokedAt,
        String secretHash) {

    public static final int MAX_LABEL = 100;
    /** Keys issued before slugs were limited to 64 characters keep theirs (up to 100). */
    public static final int MAX_REFERENCE = 100;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]+");

    public ApiKey {
        if (!PlainApiKey.isKeyId(id)) {
            throw new InvalidValueException("keyId", "keyId must be 16 lower-case hex characters");
        }
        Require.present("role", role);
        organisationId = reference("organisationId", organisationId, role == ApiKeyRole.PARTNER, "partner keys");
        businessId = reference("businessId", businessId, role == ApiKeyRole.BUSINESS, "business keys");
        label = Require.text("label", label, MAX_LABEL);
        // Stored with millisecond precision, so the key reads back exactly as it was issued.
        issuedAt = Require.present("issuedAt", issuedAt).truncatedTo(ChronoUnit.MILLIS);
        if (expiresAt != null) {
            expiresAt = expiresAt.truncatedTo(ChronoUnit.MILLIS);
            if (!expiresAt.isAfter(issuedAt)) {
                throw new InvalidValueException("expiresAt", "expiresAt must be in the future");
            }
        }
        Require.present("status", status);
        if ((status == ApiKeyStatus.REVOKED) != (revokedAt != null)) {
            throw new InvalidValueException("revokedAt", "revokedAt is set exactly when the key is revoked");
        }
        revokedAt = revokedAt == null ? null : revokedAt.truncatedTo(ChronoUnit.MILLIS);
        if (!PlainApiKey.isSecretHash(secretHash)) {
            throw new InvalidValueException("secretHash", "secretHash must be a lower-case hex SHA-256");
        }
    }

    /** A new active key for {@code key}, whose secret only its hash is kept of. */
    public static ResultWithEvents<ApiKey, ApiKeyEvent> issue(PlainApiKey key, ApiKeyRole role, String organisationId,
            String businessId, String label, Instant issuedAt, Instant expiresAt) {
        // Rules for new input, beyond the invariants the constructor keeps for stored keys too.
        Require.visibleText("label", label, MAX_LABEL);
        if (organisationId != null && !organisationId.isBlank()) {
            Require.slug("organisationId", organisationId, "city-of-essen");
        }
        if (businessId != null && !businessId.isBlank()) {
            Require.slug("businessId", businessId, "hydrogen-koriyama");
        }
        if (expiresAt != null) {
            Require.instant("expiresAt", expiresAt);
        }
        return issued(key, role, organisationId, businessId, label, issuedAt, expiresAt);
    }

    private static ResultWithEvents<ApiKey, ApiKeyEvent> issued(PlainApiKey key, ApiKeyRole role,
            String organisationId, String businessId, String label, Instant issuedAt, Instant expiresAt) {
        ApiKey issued = new ApiKey(key.keyId(), role, organisationId, businessId, label, issuedAt, expiresAt,
                ApiKeyStatus.ACTIVE, null, key.secretHash());
        return ResultWithEvents.of(issued, new ApiKeyEvent.Issued(issued));
    }

    /**
     * The key that replaces this one: same role, organisation or business and label, and the same
     * lifetime counted from {@code now} when this one had an expiry. Revoking this one is a separate
     * change of this aggregate.
     *
     * @throws RuleViolationException when this key is revoked: it is not to be brought back
     */
    public ResultWithEvents<ApiKey, ApiKeyEvent> successor(PlainApiKey key, Instant now) {
        if (status == ApiKeyStatus.REVOKED) {
            throw new RuleViolationException("API key " + id + " is revoked; issue a new key instead of rotating it");
        }
        Instant successorExpiry = expiresAt == null ? null : now.plus(Duration.between(issuedAt, expiresAt));
        // What this key was issued with stands: a rotation is not new input.
        return issued(key, role, organisationId, businessId, label, now, successorExpiry);
    }

    /** Revokes the key; revoking a revoked key changes nothing and raises nothing. */
    public ResultWithEvents<ApiKey, ApiKeyEvent> revoke(Instant at) {
        if (status == ApiKeyStatus.REVOKED) {
            return ResultWithEvents.of(this);
        }
        ApiKey revoked = new ApiKey(id, role, organisationId, businessId, label, issuedAt, expiresAt,
                ApiKeyStatus.REVOKED, at, secretHash);
        return ResultWithEvents.of(revoked, new ApiKeyEvent.Revoked(revoked));
    }

    public boolean isActive() {
        return status == ApiKeyStatus.ACTIVE;
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", role=" + role.wireName() + ", organisationId=" + organisationId + ", businessId="
                + businessId + ", label=" + label + ", status=" + status + "]";
    }

    private static String reference(String field, String value, boolean required, String whose) {
        // Whether the field belongs is a rule between it and the role: both are named, either may be the mistake.
        if (!required) {
            if (value != null) {
                throw InvalidValueException.between(field, "role", "only " + whose + " have " + field);
            }
            return null;
        }
        if (value == null || value.isBlank()) {
            throw InvalidValueException.between(field, "role", whose + " need " + field);
        }
        if (value.length() > MAX_REFERENCE || !SLUG.matcher(value).matches()) {
            throw new InvalidValueException(field, field + " must be a lower-case slug such as city-of-essen (at most "
                    + MAX_REFERENCE + " characters)");
        }
        return value;
    }
}
