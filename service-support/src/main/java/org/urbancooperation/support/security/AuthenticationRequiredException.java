package org.urbancooperation.support.security;

/** The request needs an identity and has none (401). */
public class AuthenticationRequiredException extends RuntimeException {

    public AuthenticationRequiredException(String message) {
        super(message);
    }
}
