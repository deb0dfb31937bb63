package org.urbancooperation.support.security;

/** The caller is known but may not do this (403). */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
