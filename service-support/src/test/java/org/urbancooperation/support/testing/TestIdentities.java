package org.urbancooperation.support.testing;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.contracts.identity.IdentityTokens;

/**
 * Plays the gateway's part in service tests: one key pair per test JVM; services get its public key,
 * tests sign identity tokens with its private key, exactly as the gateway does.
 */
public final class TestIdentities {

    private static final KeyPair GATEWAY_KEYS = IdentityTokens.generateKeyPair();
    private static final IdentityTokens.Signer SIGNER = new IdentityTokens.Signer(
            (ECPrivateKey) GATEWAY_KEYS.getPrivate(), Clock.systemUTC(), Duration.ofMinutes(5));

    public static final CallerIdentity OPERATOR = CallerIdentity.operator("secretariat", "jwt");
    public static final CallerIdentity ESSEN = CallerIdentity.partner("essen", "city-of-essen", "jwt");
    public static final CallerIdentity KORIYAMA = CallerIdentity.partner("koriyama", "city-of-koriyama", "jwt");
    public static final CallerIdentity DUESSELDORF = CallerIdentity.partner("duesseldorf", "city-of-duesseldorf", "jwt");
    public static final CallerIdentity HYDROGEN = CallerIdentity.business("hydrogen-koriyama", "hydrogen-koriyama", "jwt");
    public static final CallerIdentity ROBOTS = CallerIdentity.business("robots-essen", "robots-essen", "jwt");

    private TestIdentities() {
    }

    /** Gives the service under test the gateway's public key. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("ucp.security.identity-public-key", TestIdentities::publicKey);
    }

    public static String publicKey() {
        return IdentityTokens.encodePublicKey((ECPublicKey) GATEWAY_KEYS.getPublic());
    }

    public static String token(CallerIdentity identity) {
        return SIGNER.sign(identity);
    }

    /** A token signed with the gateway's key at another time, e.g. one that has expired. */
    public static String tokenAt(CallerIdentity identity, Clock clock) {
        return new IdentityTokens.Signer((ECPrivateKey) GATEWAY_KEYS.getPrivate(), clock, Duration.ofMinutes(1))
                .sign(identity);
    }

    /** The header pair for ServiceHttp calls: {@code X-Ucp-Identity, <token>}. */
    public static String[] as(CallerIdentity identity) {
        return new String[] {IdentityTokens.HEADER, token(identity)};
    }
}
