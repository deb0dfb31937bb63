package org.urbancooperation.contracts.identity;

/** An identity token that is malformed, expired, not for us or not signed by the gateway. */
public class InvalidIdentityTokenException extends RuntimeException {

    public InvalidIdentityTokenException(String reason) {
        super(reason);
    }

    public InvalidIdentityTokenException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
