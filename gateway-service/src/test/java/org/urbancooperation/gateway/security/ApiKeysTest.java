package org.urbancooperation.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeysTest {

    /** The format as documented; the parser checks it by hand and must agree with it on every input. */
    private static final Pattern DOCUMENTED = Pattern.compile("ucp_([a-z0-9]{8,64})_([A-Za-z0-9_-]{20,128})");

    @ParameterizedTest
    @ValueSource(strings = {
            "ucp_0123456789abcdef_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde",
            "  ucp_0123456789abcdef_AbCdEfGhIjKlMnOpQrSt  ",
            "ucp_abcdefgh_01234567890123456789",
            "ucp_abcdefg_01234567890123456789",
            "ucp_abcdefgh_0123456789012345678",
            "ucp_ABCDEFGH_01234567890123456789",
            "ucp_abcdefgh__________________________",
            "ucp__abcdefgh_01234567890123456789",
            "ucp_abcdefgh_0123456789012345678!",
            "ucp_abcdefgh",
            "ucp_",
            "UCP_abcdefgh_01234567890123456789",
            "xucp_abcdefgh_01234567890123456789",
            "ucp_abcdefgh_0123456789 0123456789",
            "ucp_äbcdefgh_01234567890123456789",
            ""})
    void parsesExactlyTheDocumentedFormat(String presented) {
        var matcher = DOCUMENTED.matcher(presented.strip());
        var parsed = ApiKeys.parse(presented);
        assertThat(parsed.isPresent()).as(presented).isEqualTo(matcher.matches());
        parsed.ifPresent(key -> {
            assertThat(key.keyId()).isEqualTo(matcher.group(1));
            assertThat(key.secret()).isEqualTo(matcher.group(2));
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 8, 64, 65})
    void keyIdLengthIsBounded(int length) {
        String key = "ucp_" + "a".repeat(length) + "_" + "s".repeat(40);
        assertThat(ApiKeys.parse(key)).as("key id of %d", length).matches(p -> p.isPresent() == (length >= 8 && length <= 64));
    }

    @ParameterizedTest
    @ValueSource(ints = {19, 20, 128, 129})
    void secretLengthIsBounded(int length) {
        String key = "ucp_abcdefgh_" + "S".repeat(length);
        assertThat(ApiKeys.parse(key)).as("secret of %d", length).matches(p -> p.isPresent() == (length >= 20 && length <= 128));
    }

    @org.junit.jupiter.api.Test
    void matchesComparesTheSecretsHash() {
        String hash = ApiKeys.sha256Hex("correct-horse-battery-staple");
        assertThat(hash).hasSize(64).isEqualTo(ApiKeys.sha256Hex("correct-horse-battery-staple"));
        assertThat(ApiKeys.matches("correct-horse-battery-staple", ApiKeys.digestOf(hash))).isTrue();
        assertThat(ApiKeys.matches("correct-horse-battery-staple", ApiKeys.digestOf(hash.toUpperCase()))).isTrue();
        assertThat(ApiKeys.matches("correct-horse-battery-stapl", ApiKeys.digestOf(hash))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aMalformedPublishedHashMatchesNoSecret() {
        assertThat(ApiKeys.digestOf("abc")).isNull();
        assertThat(ApiKeys.digestOf("z".repeat(64))).isNull();
        assertThat(ApiKeys.digestOf(null)).isNull();
        assertThat(ApiKeys.digestOf(ApiKeys.sha256Hex("s"))).hasSize(32);
    }
}
