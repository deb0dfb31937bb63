package org.urbancooperation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.urbancooperation.identity.OidcLogin.LoginRefusedException;
import org.urbancooperation.identity.OidcLogin.OAuthErrorException;
import org.urbancooperation.identity.OidcLogin.Tokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The identity provider as its clients meet it: real sign-ins through the login form, real tokens
 * checked against the published keys. The issuer is left blank, so it is the URL of this random
 * port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ucp.identity.issuer=")
class IdentityProviderTest {

    // Any port: the redirect is never called, and ucp-cli's loopback redirect accepts every port.
    private static final String CLI_REDIRECT = "http://127.0.0.1:54321/callback";
    private static final String PORTAL_REDIRECT = "http://localhost:3000/callback";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    String issuer;
    OidcLogin browser;

    @BeforeEach
    void newBrowser() {
        issuer = "http://127.0.0.1:" + port;
        browser = new OidcLogin(URI.create(issuer));
    }

    static Stream<Arguments> demoUsers() {
        return Stream.of(
                Arguments.of("secretariat", "operator", null, null),
                Arguments.of("essen", "partner", "city-of-essen", null),
                Arguments.of("koriyama", "partner", "city-of-koriyama", null),
                Arguments.of("hydrogen-koriyama", "business", null, "hydrogen-koriyama"),
                Arguments.of("robots-essen", "business", null, "robots-essen"));
    }

    @ParameterizedTest(name = "{0} signs in as {1}")
    @MethodSource("demoUsers")
    void eachDemoUserGetsASignedAccessTokenWithTheirRoleClaims(String username, String role, String organisation,
            String business) throws Exception {
        Tokens tokens = browser.login("ucp-cli", CLI_REDIRECT, username, "demo");

        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.expiresIn()).isBetween(898L, 900L);
        JWTClaimsSet access = verified(tokens.accessToken());
        assertThat(access.getIssuer()).isEqualTo(issuer);
        assertThat(access.getSubject()).isEqualTo(username);
        assertThat(access.getAudience()).containsExactly("ucp-api");
        assertThat(access.getStringClaim("client_id")).isEqualTo("ucp-cli");
        assertThat(access.getStringClaim("ucp_role")).isEqualTo(role);
        assertThat(access.getStringClaim("ucp_org")).isEqualTo(organisation);
        assertThat(access.getStringClaim("ucp_biz")).isEqualTo(business);
        assertThat(Duration.between(access.getIssueTime().toInstant(), access.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));

        // The ID token is for the client, and carries the same role for the portal to show.
        JWTClaimsSet id = verified(tokens.idToken());
        assertThat(id.getAudience()).containsExactly("ucp-cli");
        assertThat(id.getSubject()).isEqualTo(username);
        assertThat(id.getStringClaim("ucp_role")).isEqualTo(role);
        assertThat(id.getStringClaim("preferred_username")).isEqualTo(username);
        assertThat(id.getStringClaim("nonce")).isNotBlank();

        // No refresh tokens for scripts.
        assertThat(tokens.refreshToken()).isNull();
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> browser.login("ucp-cli", CLI_REDIRECT, "essen", "not-the-password"))
                .isInstanceOf(LoginRefusedException.class);
        assertThatThrownBy(() -> browser.login("ucp-cli", CLI_REDIRECT, "nobody", "demo"))
                .isInstanceOf(LoginRefusedException.class);
    }

    @Test
    void theSignedInSessionIsReusedUntilForgotten() throws Exception {
        browser.login("ucp-cli", CLI_REDIRECT, "essen", "demo");
        // Signed in already: straight back with a code, whatever password is given now.
        Tokens again = browser.login("ucp-cli", CLI_REDIRECT, "essen", "ignored");
        assertThat(verified(again.accessToken()).getSubject()).isEqualTo("essen");

        browser.forgetSession();
        assertThatThrownBy(() -> browser.login("ucp-cli", CLI_REDIRECT, "essen", "ignored"))
                .isInstanceOf(LoginRefusedException.class);
    }

    @Test
    void theCliAcceptsAnyLoopbackPortButNoOtherRedirect() {
        assertThat(browser.login("ucp-cli", "http://127.0.0.1:61000/callback", "secretariat", "demo").accessToken())
                .isNotBlank();
        assertThat(browser.login("ucp-cli", "http://127.0.0.1:1234/callback", "secretariat", "demo").accessToken())
                .isNotBlank();
        // Refused before any login form: an error page, not a redirect to the stranger.
        assertThatThrownBy(() -> new OidcLogin(URI.create(issuer))
                .login("ucp-cli", "http://127.0.0.1:61000/elsewhere", "secretariat", "demo"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered 400");
        assertThatThrownBy(() -> new OidcLogin(URI.create(issuer))
                .login("ucp-portal", "http://127.0.0.1:3000/callback", "secretariat", "demo"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered 400");
    }

    @Test
    void thePortalGetsRefreshTokensThatRotate() throws Exception {
        Tokens first = browser.login("ucp-portal", PORTAL_REDIRECT, "koriyama", "demo");
        assertThat(verified(first.accessToken()).getStringClaim("client_id")).isEqualTo("ucp-portal");
        assertThat(first.refreshToken()).isNotBlank();

        Tokens second = browser.refresh("ucp-portal", first.refreshToken());
        JWTClaimsSet refreshed = verified(second.accessToken());
        assertThat(refreshed.getSubject()).isEqualTo("koriyama");
        assertThat(refreshed.getStringClaim("ucp_role")).isEqualTo("partner");
        assertThat(refreshed.getStringClaim("ucp_org")).isEqualTo("city-of-koriyama");
        assertThat(refreshed.getAudience()).containsExactly("ucp-api");
        assertThat(second.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());

        // Rotated: the old refresh token is spent.
        assertThatThrownBy(() -> browser.refresh("ucp-portal", first.refreshToken()))
                .isInstanceOfSatisfying(OAuthErrorException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
        // Bound to its client: ucp-cli may not use it (and has no refresh grant at all).
        assertThatThrownBy(() -> browser.refresh("ucp-cli", second.refreshToken()))
                .isInstanceOfSatisfying(OAuthErrorException.class, e -> assertThat(e.error()).isEqualTo("invalid_client"));
        assertThatThrownBy(() -> browser.refresh("no-such-client", second.refreshToken()))
                .isInstanceOfSatisfying(OAuthErrorException.class, e -> assertThat(e.error()).isEqualTo("invalid_client"));
        assertThat(browser.refresh("ucp-portal", second.refreshToken()).accessToken()).isNotBlank();
    }

    @Test
    void theDiscoveryDocumentListsTheEndpoints() throws Exception {
        Map<String, Object> discovery = JSONObjectUtils.parse(get("/.well-known/openid-configuration").body());

        assertThat(discovery).containsEntry("issuer", issuer)
                .containsEntry("authorization_endpoint", issuer + "/oauth2/authorize")
                .containsEntry("token_endpoint", issuer + "/oauth2/token")
                .containsEntry("jwks_uri", issuer + "/oauth2/jwks")
                .containsEntry("userinfo_endpoint", issuer + "/userinfo")
                .containsEntry("end_session_endpoint", issuer + "/connect/logout");
        assertThat(JSONObjectUtils.getStringList(discovery, "code_challenge_methods_supported")).contains("S256");
        assertThat(JSONObjectUtils.getStringList(discovery, "token_endpoint_auth_methods_supported")).contains("none");
        assertThat(JSONObjectUtils.getStringList(discovery, "scopes_supported")).contains("openid", "profile");
        assertThat(JSONObjectUtils.getStringList(discovery, "claims_supported"))
                .contains("ucp_role", "ucp_org", "ucp_biz");
        assertThat(JSONObjectUtils.getStringList(discovery, "id_token_signing_alg_values_supported")).contains("RS256");
        // The OAuth 2.0 metadata (RFC 8414) too, for clients that look there.
        assertThat(get("/.well-known/oauth-authorization-server").statusCode()).isEqualTo(200);
    }

    @Test
    void theUserinfoEndpointAcceptsTheAccessToken() throws Exception {
        Tokens tokens = browser.login("ucp-cli", CLI_REDIRECT, "robots-essen", "demo");
        HttpResponse<String> userinfo = send(HttpRequest.newBuilder(URI.create(issuer + "/userinfo"))
                .header("Authorization", "Bearer " + tokens.accessToken()).GET().build());
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(JSONObjectUtils.parse(userinfo.body())).containsEntry("sub", "robots-essen");

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(issuer + "/userinfo")).GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void theHealthProbesNeedNoSignIn() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        // Everything else of the actuator is neither exposed nor public.
        assertThat(get("/actuator/env").statusCode()).isNotEqualTo(200);
    }

    /** The claims of a JWT whose RS256 signature verifies against the provider's published JWKS. */
    private JWTClaimsSet verified(String jwt) throws Exception {
        JWKSet keys = JWKSet.parse(get("/oauth2/jwks").body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        return processor.process(jwt, null);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(issuer + path)).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
