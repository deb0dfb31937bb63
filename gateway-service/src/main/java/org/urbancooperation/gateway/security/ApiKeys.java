package org.urbancooperation.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API key format {@code ucp_<keyId>_<secret>}: the key id finds the key, the secret proves it.
 * Only SHA-256 of the secret is ever stored or published; for 256-bit random secrets a fast hash is
 * the right one (there is nothing to brute-force), and it keeps each check to microseconds.
 */
public final class ApiKeys {

    private static final Pattern FORMAT = Pattern.compile("ucp_([a-z0-9]{8,64})_([A-Za-z0-9_-]{20,128})");

    private ApiKeys() {
    }

    /** A presented key, split into its id and its secret. */
    public record PresentedKey(String keyId, String secret) {
    }

    public static Optional<PresentedKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(key.strip());
        return matcher.matches() ? Optional.of(new PresentedKey(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    public static String sha256Hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant time, so response times reveal nothing about how much of a guess was right. */
    public static boolean matches(String secret, String expectedSha256Hex) {
        byte[] actual = sha256Hex(secret).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = expectedSha256Hex.toLowerCase().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, expected);
    }
}
