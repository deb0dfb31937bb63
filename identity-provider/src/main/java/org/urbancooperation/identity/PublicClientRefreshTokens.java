package org.urbancooperation.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Refresh tokens for public clients (the portal). Spring Authorization Server withholds them from
 * public clients: its refresh token generator returns none, and a public client cannot
 * authenticate a {@code refresh_token} grant (it accepts public clients only with a PKCE
 * {@code code_verifier}). OAuth 2.1 and the OAuth security BCP allow refresh tokens for public
 * clients when they are rotated, so here a public client gets them if and only if it is
 * registered for the {@code refresh_token} grant AND with {@code reuse-refresh-tokens: false}:
 * every refresh then returns a new refresh token and the old one stops working. The refresh
 * token stays bound to its client (Spring Authorization Server checks that).
 */
public final class PublicClientRefreshTokens {

    private PublicClientRefreshTokens() {
    }

    static boolean isPublic(RegisteredClient client) {
        return client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE);
    }

    /** Issues refresh tokens like Spring's own generator, and also to public clients that rotate them. */
    public static final class Generator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

        private static final Log LOG = LogFactory.getLog(Generator.class);

        // The same strength as Spring's OAuth2RefreshTokenGenerator: 96 random bytes.
        private final StringKeyGenerator keys = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
        private final Clock clock;

        public Generator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public OAuth2RefreshToken generate(OAuth2TokenContext context) {
            if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
                return null;
            }
            RegisteredClient client = context.getRegisteredClient();
            if (!client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                return null;
            }
            if (isPublic(client) && client.getTokenSettings().isReuseRefreshTokens()) {
                // A reusable refresh token in a browser is a long-lived bearer credential: none.
                LOG.warn("No refresh token for public client '" + client.getClientId()
                        + "': it must be registered with token.reuse-refresh-tokens=false");
                return null;
            }
            Instant issuedAt = clock.instant();
            return new OAuth2RefreshToken(keys.generateKey(), issuedAt,
                    issuedAt.plus(client.getTokenSettings().getRefreshTokenTimeToLive()));
        }
    }

    /**
     * Reads a public client's {@code refresh_token} grant request at the token endpoint: a
     * {@code client_id} and no credentials at all.
     */
    public static final class Converter implements AuthenticationConverter {

        @Override
        public Authentication convert(HttpServletRequest request) {
            if (!HttpMethod.POST.matches(request.getMethod())
                    || !AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
                    || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
                return null;
            }
            String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
            if (clientIds == null || clientIds.length != 1 || clientIds[0].isBlank()) {
                return null;
            }
            return new OAuth2ClientAuthenticationToken(clientIds[0], ClientAuthenticationMethod.NONE, null,
                    Map.of(OAuth2ParameterNames.GRANT_TYPE, AuthorizationGrantType.REFRESH_TOKEN.getValue()));
        }
    }

    /**
     * Takes the place of Spring's {@code PublicClientAuthenticationProvider}: authenticates what
     * {@link Converter} read (the client must exist, be public and be registered for the
     * {@code refresh_token} grant) and hands every other public client authentication (PKCE) to
     * Spring's provider. In its place rather than before it, because an authentication manager
     * tries the next provider after a failure, and Spring's would then answer a refused refresh
     * with a misleading {@code invalid_grant} about a missing code verifier.
     */
    public static final class Provider implements AuthenticationProvider {

        private final RegisteredClientRepository clients;
        private final AuthenticationProvider pkceProvider;

        public Provider(RegisteredClientRepository clients, AuthenticationProvider pkceProvider) {
            this.clients = clients;
            this.pkceProvider = pkceProvider;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            var token = (OAuth2ClientAuthenticationToken) authentication;
            if (!ClientAuthenticationMethod.NONE.equals(token.getClientAuthenticationMethod())
                    || !AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(
                            token.getAdditionalParameters().get(OAuth2ParameterNames.GRANT_TYPE))) {
                return pkceProvider.authenticate(authentication);
            }
            RegisteredClient client = clients.findByClientId(String.valueOf(token.getPrincipal()));
            if (client == null || !isPublic(client)
                    || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                        "Client authentication failed: not a public client with the refresh_token grant", null));
            }
            return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
