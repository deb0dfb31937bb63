package org.urbancooperation.support.domain;

/**
 * Base of the exceptions a domain model throws when a command breaks its rules. Plain Java, so the
 * domain packages stay free of frameworks; the web layer turns them into problem+json answers.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
