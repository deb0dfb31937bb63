package org.urbancooperation.partnership.access.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.domain.InvalidValueException;

class PlainApiKeyTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aNewKeyHasThePublishedFormat() {
        String key = PlainApiKey.generate(RANDOM).reveal();

        assertThat(key).matches("ucp_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    }

    @Test
    void keyIdIsTheSecondPartAndTheSecretTheRestEvenWithUnderscoresInIt() {
        PlainApiKey key = PlainApiKey.parse("key", "ucp_3f9c2a7b1d4e8f60_E0O-FtLwCEpw71epJyjag7dyKb9T9tmg324o3ShV0_Y");

        assertThat(key.keyId()).isEqualTo("3f9c2a7b1d4e8f60");
        assertThat(key.reveal()).isEqualTo("ucp_3f9c2a7b1d4e8f60_E0O-FtLwCEpw71epJyjag7dyKb9T9tmg324o3ShV0_Y");
    }

    @Test
    void theHashIsTheHexSha256OfTheSecretPartOnly() throws Exception {
        PlainApiKey key = PlainApiKey.generate(RANDOM);
        String secret = key.reveal().substring(21);

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        assertThat(key.secretHash()).isEqualTo(expected).matches("[0-9a-f]{64}");
        assertThat(PlainApiKey.hashOf("E0O-FtLwCEpw71epJyjag7dyKb9T9tmg324o3ShV0_Y"))
                .isEqualTo("ceccd941d85ea5b901058baf4e04c25937d94d963cac4929e48b4be7a41dcac4");
    }

    @Test
    void matchesOnlyItsOwnHash() {
        PlainApiKey key = PlainApiKey.generate(RANDOM);

        assertThat(key.matches(key.secretHash())).isTrue();
        assertThat(key.matches(PlainApiKey.generate(RANDOM).secretHash())).isFalse();
        assertThat(key.matches(key.secretHash().toUpperCase())).isFalse();
        assertThat(key.matches(null)).isFalse();
    }

    @Test
    void keysAreRandom() {
        Set<String> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            PlainApiKey key = PlainApiKey.generate(RANDOM);
            ids.add(key.keyId());
            hashes.add(key.secretHash());
        }
        assertThat(ids).hasSize(1000);
        assertThat(hashes).hasSize(1000);
    }

    @Test
    void malformedKeysAreRefusedWithoutRepeatingThem() {
        String secret = "E0O-FtLwCEpw71epJyjag7dyKb9T9tmg324o3ShV0_Y";
        for (String bad : new String[] {null, "", "ucp_3F9C2A7B1D4E8F60_" + secret, "ucp_3f9c2a7b1d4e8f6_" + secret,
                "xyz_3f9c2a7b1d4e8f60_" + secret, "ucp_3f9c2a7b1d4e8f60_" + secret + "A",
                "ucp_3f9c2a7b1d4e8f60_" + secret.replace('-', '+'), "ucp_3f9c2a7b1d4e8f60" + secret}) {
            assertThatThrownBy(() -> PlainApiKey.parse("key", bad)).as(String.valueOf(bad))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageNotContaining(secret)
                    .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("key"));
        }
    }

    @Test
    void itsStringNeverShowsTheSecret() {
        PlainApiKey key = PlainApiKey.generate(RANDOM);

        assertThat(key.toString()).startsWith("ucp_" + key.keyId()).doesNotContain(key.reveal().substring(21));
    }
}
