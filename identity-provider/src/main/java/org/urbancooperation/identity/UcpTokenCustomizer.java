package org.urbancooperation.identity;

import java.util.List;

import org.urbancooperation.identity.DemoUserProperties.DemoUser;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.util.StringUtils;

/**
 * Puts the platform's claims into the tokens of a signed-in person: {@code ucp_role},
 * {@code ucp_org} (partners), {@code ucp_biz} (businesses). Access tokens get the audience
 * {@code ucp-api}, which the gateway requires, and {@code client_id} (RFC 9068); ID tokens keep
 * the client as their audience, as OIDC requires, and get {@code preferred_username} and
 * {@code name} for the portal to show.
 */
public final class UcpTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final DemoUserDirectory users;

    public UcpTokenCustomizer(DemoUserDirectory users) {
        this.users = users;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = ID_TOKEN.equals(context.getTokenType());
        if (!accessToken && !idToken) {
            return;
        }
        String username = context.getPrincipal().getName();
        // A refresh after the user was removed from the configuration: no more tokens for them.
        DemoUser user = users.find(username).orElseThrow(() -> new OAuth2AuthenticationException(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "unknown user", null)));
        JwtClaimsSet.Builder claims = context.getClaims();
        claims.claim(UcpClaims.ROLE, user.role().claimValue());
        if (user.role() == UcpRole.PARTNER) {
            claims.claim(UcpClaims.ORGANISATION, user.organisation());
        }
        if (user.role() == UcpRole.BUSINESS) {
            claims.claim(UcpClaims.BUSINESS, user.businessId());
        }
        if (accessToken) {
            claims.audience(List.of(UcpClaims.API_AUDIENCE));
            claims.claim("client_id", context.getRegisteredClient().getClientId());
        } else if (context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
            claims.claim("preferred_username", username);
            claims.claim("name", StringUtils.hasText(user.name()) ? user.name() : username);
        }
    }
}
