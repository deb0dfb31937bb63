package org.urbancooperation.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.contracts.identity.IdentityTokens;
import org.urbancooperation.contracts.identity.InvalidIdentityTokenException;

class IdentityTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private final KeyPair gatewayKeys = IdentityTokens.generateKeyPair();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final IdentityTokens.Signer signer =
            new IdentityTokens.Signer((ECPrivateKey) gatewayKeys.getPrivate(), clock, Duration.ofSeconds(60));
    private final IdentityTokens.Verifier verifier =
            new IdentityTokens.Verifier((ECPublicKey) gatewayKeys.getPublic(), clock);

    @Test
    void aSignedIdentityVerifiesToTheSameIdentity() {
        CallerIdentity essen = CallerIdentity.partner("key-essen-1", "city-of-essen", "api-key");

        assertThat(verifier.verify(signer.sign(essen))).isEqualTo(essen);
        CallerIdentity robots = CallerIdentity.business("robots-essen", "robots-essen", "jwt");
        assertThat(verifier.verify(signer.sign(robots))).isEqualTo(robots);
    }

    @Test
    void aTokenFromAnotherKeyIsRefused() {
        KeyPair attacker = IdentityTokens.generateKeyPair();
        String forged = new IdentityTokens.Signer((ECPrivateKey) attacker.getPrivate(), clock, Duration.ofSeconds(60))
                .sign(CallerIdentity.operator("mallory", "api-key"));

        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidIdentityTokenException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = signer.sign(CallerIdentity.operator("secretariat", "jwt"));
        IdentityTokens.Verifier later = new IdentityTokens.Verifier((ECPublicKey) gatewayKeys.getPublic(),
                Clock.fixed(NOW.plusSeconds(120), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.verify(token)).hasMessageContaining("expired");
    }

    @Test
    void tamperedOrGarbageTokensAreRefused() {
        String token = signer.sign(CallerIdentity.partner("k", "city-of-essen", "api-key"));
        String[] parts = token.split("\\.");
        String tamperedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"iss\":\"ucp-gateway\",\"aud\":\"ucp-services\",\"sub\":\"k\",\"ucp_role\":\"operator\",\"exp\":9999999999}"
                        .getBytes());

        assertThatThrownBy(() -> verifier.verify(parts[0] + "." + tamperedPayload + "." + parts[2]))
                .isInstanceOf(InvalidIdentityTokenException.class);
        assertThatThrownBy(() -> verifier.verify("not-a-token")).isInstanceOf(InvalidIdentityTokenException.class);
        assertThatThrownBy(() -> verifier.verify(parts[0] + "." + parts[1] + "."))
                .isInstanceOf(InvalidIdentityTokenException.class);
    }

    @Test
    void keysRoundTripThroughTheirEnvironmentVariableForm() {
        String privateKey = IdentityTokens.encodePrivateKey((ECPrivateKey) gatewayKeys.getPrivate());
        String publicKey = IdentityTokens.encodePublicKey((ECPublicKey) gatewayKeys.getPublic());

        IdentityTokens.Signer restoredSigner = new IdentityTokens.Signer(IdentityTokens.decodePrivateKey(privateKey),
                clock, Duration.ofSeconds(60));
        IdentityTokens.Verifier restoredVerifier = new IdentityTokens.Verifier(
                IdentityTokens.decodePublicKey("-----BEGIN PUBLIC KEY-----\n" + publicKey + "\n-----END PUBLIC KEY-----"),
                clock);

        CallerIdentity operator = CallerIdentity.operator("secretariat", "jwt");
        assertThat(restoredVerifier.verify(restoredSigner.sign(operator))).isEqualTo(operator);
        assertThatThrownBy(() -> IdentityTokens.decodePublicKey("bm90IGEga2V5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partnersNeedAnOrganisationAndBusinessesABusiness() {
        assertThatThrownBy(() -> CallerIdentity.partner("k", " ", "api-key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallerIdentity.business("k", null, "jwt")).isInstanceOf(IllegalArgumentException.class);
    }
}
