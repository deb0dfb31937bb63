package org.urbancooperation.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA key that signs the tokens. Either read from a PKCS#8 PEM file (stable across restarts,
 * so tokens issued before a restart still verify), or generated at start (every restart makes
 * all earlier tokens invalid: fine for tests). The key id is the key's RFC 7638 thumbprint, so
 * the same file always gives the same {@code kid}.
 */
public final class SigningKeys {

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private SigningKeys() {
    }

    /** A fresh 2048-bit RSA key. */
    public static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return toJwk((RSAPublicKey) pair.getPublic(), (RSAPrivateCrtKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /**
     * The RSA key in a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}, as {@code openssl
     * genpkey} or {@code identity-provider/tools/GenerateSigningKey.java} write it).
     */
    public static RSAKey readPkcs8Pem(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key file " + file, e);
        }
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("the signing key file " + file
                    + " is not a PKCS#8 PEM private key (" + PEM_BEGIN + " ... " + PEM_END + ")");
        }
        String base64 = pem.substring(begin + PEM_BEGIN.length(), end).replaceAll("\\s", "");
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            var privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalStateException("the signing key in " + file + " lacks its public part (not an RSA CRT key)");
            }
            var publicKey = (RSAPublicKey) factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return toJwk(publicKey, crt);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the signing key file " + file + " does not hold an RSA private key: " + e.getMessage(), e);
        }
    }

    private static RSAKey toJwk(RSAPublicKey publicKey, RSAPrivateCrtKey privateKey) {
        try {
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key id", e);
        }
    }
}
