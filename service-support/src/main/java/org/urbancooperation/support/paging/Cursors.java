package org.urbancooperation.support.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import org.urbancooperation.support.domain.InvalidValueException;

/**
 * Opaque cursors: the last key of a page, base64url, with a check of its own. A cursor grants nothing (the list's
 * filters and access rules apply to every page), so the check is a digest, not a secret: it makes a cursor that was
 * cut, edited or made up a {@code 400} naming {@code cursor} instead of a silently different page.
 */
public final class Cursors {

    private static final String VERSION = "c1";
    private static final int CHECK_BYTES = 9;
    private static final int MAX_LENGTH = 512;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursors() {
    }

    /** The cursor of the page after the item with this key. */
    public static String after(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return VERSION + "." + ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(check(bytes));
    }

    /** @throws InvalidValueException naming {@code cursor} unless this is a cursor {@link #after} made */
    static String decode(String cursor) {
        String[] parts = cursor.length() > MAX_LENGTH ? new String[0] : cursor.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw invalid();
        }
        try {
            byte[] key = DECODER.decode(parts[1]);
            byte[] check = DECODER.decode(parts[2]);
            // Base64 decoding ignores some changes to the last character's low bits: compare the canonical form too.
            if (!MessageDigest.isEqual(check, check(key)) || !ENCODER.encodeToString(key).equals(parts[1])
                    || !ENCODER.encodeToString(check).equals(parts[2])) {
                throw invalid();
            }
            return new String(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
    }

    private static InvalidValueException invalid() {
        return new InvalidValueException("cursor",
                "cursor must be a value of a page's next field from this list, unchanged; omit it for the first page");
    }

    private static byte[] check(byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("ucp-cursor-v1:".getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(digest.digest(key), CHECK_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
