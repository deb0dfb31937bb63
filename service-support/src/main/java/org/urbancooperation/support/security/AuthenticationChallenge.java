package org.urbancooperation.support.security;

/**
 * The {@code WWW-Authenticate} challenge of every 401 (RFC 9110): the credentials the gateway takes, an
 * OpenID Connect bearer token or an API key. The gateway answers with the same one.
 */
public final class AuthenticationChallenge {

    public static final String HEADER = "WWW-Authenticate";
    public static final String VALUE = "Bearer realm=\"ucp\", ApiKey realm=\"ucp\"";

    private AuthenticationChallenge() {
    }
}
