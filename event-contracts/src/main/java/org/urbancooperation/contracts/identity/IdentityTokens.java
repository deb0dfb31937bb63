package org.urbancooperation.contracts.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The identity token the gateway forwards to the services in {@value #HEADER}: a JWT signed with the
 * gateway's EC P-256 key (ES256), short-lived, for the services' audience only. The gateway strips
 * any such header a client sends, so services can trust a token that verifies. Services hold only
 * the public key: they can check identities, never mint them.
 */
public final class IdentityTokens {

    public static final String HEADER = "X-Ucp-Identity";
    public static final String ISSUER = "ucp-gateway";
    public static final String AUDIENCE = "ucp-services";
    /** Clock skew tolerated between gateway and service hosts. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private static final String ROLE = "ucp_role";
    private static final String ORGANISATION = "ucp_org";
    private static final String BUSINESS = "ucp_biz";
    private static final String AUTHENTICATION = "ucp_auth";

    private IdentityTokens() {
    }

    /** Mints tokens; held by the gateway only. */
    public static final class Signer {
        private final ECDSASigner signer;
        private final Clock clock;
        private final Duration lifetime;

        public Signer(ECPrivateKey privateKey, Clock clock, Duration lifetime) {
            try {
                this.signer = new ECDSASigner(privateKey);
            } catch (JOSEException e) {
                throw new IllegalArgumentException("not a P-256 private key", e);
            }
            this.clock = clock;
            this.lifetime = lifetime;
        }

        public String sign(CallerIdentity identity) {
            Instant now = clock.instant();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(ISSUER)
                    .audience(AUDIENCE)
                    .subject(identity.subject())
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(lifetime)))
                    .jwtID(UUID.randomUUID().toString())
                    .claim(ROLE, identity.role().wireName())
                    .claim(ORGANISATION, identity.organisationId())
                    .claim(BUSINESS, identity.businessId())
                    .claim(AUTHENTICATION, identity.authentication())
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims);
            try {
                jwt.sign(signer);
            } catch (JOSEException e) {
                throw new IllegalStateException("signing the identity token failed", e);
            }
            return jwt.serialize();
        }
    }

    /** Checks tokens; held by every service. */
    public static final class Verifier {
        private final ECDSAVerifier verifier;
        private final Clock clock;

        public Verifier(ECPublicKey publicKey, Clock clock) {
            try {
                this.verifier = new ECDSAVerifier(publicKey);
            } catch (JOSEException e) {
                throw new IllegalArgumentException("not a P-256 public key", e);
            }
            this.clock = clock;
        }

        /** @throws InvalidIdentityTokenException saying why the token is not acceptable */
        public CallerIdentity verify(String token) {
            SignedJWT jwt;
            JWTClaimsSet claims;
            try {
                jwt = SignedJWT.parse(token);
                claims = jwt.getJWTClaimsSet();
            } catch (ParseException e) {
                throw new InvalidIdentityTokenException("malformed identity token", e);
            }
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
                throw new InvalidIdentityTokenException("identity token not signed with ES256");
            }
            try {
                if (!jwt.verify(verifier)) {
                    throw new InvalidIdentityTokenException("identity token signature does not verify");
                }
            } catch (JOSEException e) {
                throw new InvalidIdentityTokenException("identity token signature does not verify", e);
            }
            Instant now = clock.instant();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getAudience() == null
                    || !claims.getAudience().equals(List.of(AUDIENCE))) {
                throw new InvalidIdentityTokenException("identity token is not from the gateway for the services");
            }
            if (claims.getExpirationTime() == null
                    || claims.getExpirationTime().toInstant().plus(CLOCK_SKEW).isBefore(now)) {
                throw new InvalidIdentityTokenException("identity token expired");
            }
            if (claims.getIssueTime() != null && claims.getIssueTime().toInstant().minus(CLOCK_SKEW).isAfter(now)) {
                throw new InvalidIdentityTokenException("identity token issued in the future");
            }
            try {
                Role role = Role.fromWireName(claims.getStringClaim(ROLE))
                        .orElseThrow(() -> new InvalidIdentityTokenException("identity token has no known role"));
                return new CallerIdentity(claims.getSubject(), role, claims.getStringClaim(ORGANISATION),
                        claims.getStringClaim(BUSINESS), claims.getStringClaim(AUTHENTICATION));
            } catch (ParseException | IllegalArgumentException | NullPointerException e) {
                throw new InvalidIdentityTokenException("identity token claims are incomplete", e);
            }
        }
    }

    /** A fresh P-256 key pair, e.g. for the local stack or tests. */
    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 of the PKCS#8 encoding: the form {@code UCP_IDENTITY_PRIVATE_KEY} takes. */
    public static String encodePrivateKey(ECPrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Base64 of the X.509 SubjectPublicKeyInfo encoding: the form {@code UCP_IDENTITY_PUBLIC_KEY} takes. */
    public static String encodePublicKey(ECPublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static ECPrivateKey decodePrivateKey(String base64) {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(strip(base64))));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not a base64 PKCS#8 EC private key", e);
        }
    }

    public static ECPublicKey decodePublicKey(String base64) {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(strip(base64))));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not a base64 X.509 EC public key", e);
        }
    }

    /** Accepts PEM too: drops the armour lines and whitespace. */
    private static String strip(String value) {
        return value.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
