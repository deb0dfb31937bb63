package org.urbancooperation.partnership.access.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.urbancooperation.support.domain.InvalidValueException;

/**
 * An API key in the clear, {@code ucp_<keyId>_<secret>}: what the caller is shown once and then
 * presents. {@code keyId} is 16 lower-case hex characters (64 random bits; public, it names the
 * key), the secret 43 base64url characters (32 random bytes, unpadded; it may contain {@code _}
 * and {@code -}, so a key is split after its first 20 characters, not on every underscore).
 *
 * <p>Only {@link #secretHash()} is ever stored or published: the hex SHA-256 of the secret. A fast
 * hash is right here because the secret is 256 random bits, which no dictionary or brute force
 * reaches; slow password hashes exist for low-entropy human passwords, and would cost the gateway
 * milliseconds on every request.
 *
 * <p>{@link #toString()} never shows the secret, so the key cannot end up in a log by accident.
 */
public final class PlainApiKey {

    public static final String PREFIX = "ucp_";
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern SECRET_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern KEY = Pattern.compile("ucp_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final HexFormat HEX = HexFormat.of();

    private final String keyId;
    private final String secret;

    private PlainApiKey(String keyId, String secret) {
        this.keyId = keyId;
        this.secret = secret;
    }

    /** A new key: 8 random bytes for the id, 32 for the secret. */
    public static PlainApiKey generate(SecureRandom random) {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        return new PlainApiKey(HEX.formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /**
     * Reads a key in the published format. The message never repeats the value, which is a secret.
     *
     * @throws InvalidValueException naming {@code field} when the value is not such a key
     */
    public static PlainApiKey parse(String field, String value) {
        Matcher m = value == null ? null : KEY.matcher(value);
        if (m == null || !m.matches()) {
            throw new InvalidValueException(field, field + " must have the form ucp_<16 lower-case hex characters>_"
                    + "<43 base64url characters> (32 random bytes)");
        }
        return new PlainApiKey(m.group(1), m.group(2));
    }

    public static boolean isKeyId(String value) {
        return value != null && KEY_ID.matcher(value).matches();
    }

    public static boolean isSecretHash(String value) {
        return value != null && SECRET_HASH.matcher(value).matches();
    }

    /** Lower-case hex SHA-256 of the secret's ASCII bytes. */
    public static String hashOf(String secret) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    public String secretHash() {
        return hashOf(secret);
    }

    /** Whether this key's secret is the one {@code storedHash} was made from; constant time. */
    public boolean matches(String storedHash) {
        if (storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(secretHash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** The whole key, to be shown to the caller exactly once. */
    public String reveal() {
        return PREFIX + keyId + "_" + secret;
    }

    @Override
    public String toString() {
        return PREFIX + keyId + "_<secret>";
    }
}
