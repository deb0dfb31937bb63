package org.urbancooperation.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The API key format {@code ucp_<keyId>_<secret>}: the key id finds the key, the secret proves it.
 * Only SHA-256 of the secret is ever stored or published; for 256-bit random secrets a fast hash is
 * the right one (there is nothing to brute-force), and it keeps each check to microseconds.
 */
public final class ApiKeys {

    private static final String PREFIX = "ucp_";
    private static final int KEY_ID_MIN = 8;
    private static final int KEY_ID_MAX = 64;
    private static final int SECRET_MIN = 20;
    private static final int SECRET_MAX = 128;

    /** One digest per thread: {@code MessageDigest.getInstance} looks the provider up on every call. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private ApiKeys() {
    }

    /** A presented key, split into its id and its secret. */
    public record PresentedKey(String keyId, String secret) {
    }

    /**
     * {@code ucp_<keyId>_<secret>}: key id of 8-64 characters {@code [a-z0-9]}, secret of 20-128
     * characters {@code [A-Za-z0-9_-]}. Checked by hand rather than with a regular expression: it runs on
     * every request.
     */
    public static Optional<PresentedKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String candidate = key.strip();
        if (!candidate.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int separator = candidate.indexOf('_', PREFIX.length());
        if (separator < 0) {
            return Optional.empty();
        }
        int keyIdLength = separator - PREFIX.length();
        int secretLength = candidate.length() - separator - 1;
        if (keyIdLength < KEY_ID_MIN || keyIdLength > KEY_ID_MAX || secretLength < SECRET_MIN || secretLength > SECRET_MAX) {
            return Optional.empty();
        }
        for (int i = PREFIX.length(); i < separator; i++) {
            char c = candidate.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return Optional.empty();
            }
        }
        for (int i = separator + 1; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return Optional.empty();
            }
        }
        return Optional.of(new PresentedKey(candidate.substring(PREFIX.length(), separator),
                candidate.substring(separator + 1)));
    }

    public static String sha256Hex(String secret) {
        return HexFormat.of().formatHex(SHA_256.get().digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether the secret's SHA-256 is the expected digest (decoded once when the key became known). Constant
     * time, so response times reveal nothing about how much of a guess was right.
     */
    public static boolean matches(String secret, byte[] expectedSha256) {
        return MessageDigest.isEqual(SHA_256.get().digest(secret.getBytes(StandardCharsets.UTF_8)), expectedSha256);
    }

    /** The 32 bytes of a SHA-256 written as 64 hex digits (either case), or null if it is not that. */
    public static byte[] digestOf(String sha256Hex) {
        if (sha256Hex == null || sha256Hex.length() != 64) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(sha256Hex);
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }
}
