package org.urbancooperation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The signing key from a file, as the local stack uses it: written once by
 * {@code tools/GenerateSigningKey.java} (run here as up.sh runs it), the same key id at every
 * start, and tokens signed with it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ucp.identity.issuer=")
class SigningKeyFileTest {

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void signingKeyFile(DynamicPropertyRegistry registry) throws Exception {
        Path key = dir.resolve("identity/signing-key.pem");
        generateWithTheTool(key);
        registry.add("ucp.identity.signing-key-file", key::toString);
    }

    @Test
    void theProviderSignsWithTheKeyInTheFile() throws Exception {
        RSAKey fromFile = SigningKeys.readPkcs8Pem(dir.resolve("identity/signing-key.pem"));
        JWKSet published = JWKSet.parse(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/jwks")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(published.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.getKeyID()).isEqualTo(fromFile.getKeyID());
            assertThat(key.isPrivate()).as("only the public part is published").isFalse();
            assertThat(key.toRSAKey().getModulus()).isEqualTo(fromFile.getModulus());
        });

        String accessToken = new OidcLogin(URI.create("http://127.0.0.1:" + port))
                .login("ucp-cli", "http://127.0.0.1:40000/callback", "secretariat", "demo").accessToken();
        SignedJWT jwt = SignedJWT.parse(accessToken);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(fromFile.getKeyID());
    }

    @Test
    void theToolWritesAnOwnerOnlyKeyOnceAndKeepsIt() throws Exception {
        Path key = dir.resolve("again/signing-key.pem");
        generateWithTheTool(key);
        String kid = SigningKeys.readPkcs8Pem(key).getKeyID();
        assertThat(Files.getPosixFilePermissions(key))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        generateWithTheTool(key);
        assertThat(SigningKeys.readPkcs8Pem(key).getKeyID()).as("kept, not replaced").isEqualTo(kid);
        assertThat(SigningKeys.readPkcs8Pem(key).getKeyID()).as("the key id is the thumbprint").isEqualTo(kid);
    }

    @Test
    void aFileThatIsNoKeyStopsTheStartWithAClearMessage() throws Exception {
        Path notAKey = Files.writeString(dir.resolve("not-a-key.pem"), "hello");
        assertThatThrownBy(() -> SigningKeys.readPkcs8Pem(notAKey)).hasMessageContaining("not a PKCS#8 PEM");
        Path broken = Files.writeString(dir.resolve("broken.pem"),
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> SigningKeys.readPkcs8Pem(broken)).hasMessageContaining("does not hold an RSA private key");
        assertThatThrownBy(() -> SigningKeys.readPkcs8Pem(dir.resolve("missing.pem"))).hasMessageContaining("cannot read");
    }

    /** java tools/GenerateSigningKey.java FILE, in source-file mode, as deploy/local/up.sh runs it. */
    private static void generateWithTheTool(Path key) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "tools/GenerateSigningKey.java", key.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
