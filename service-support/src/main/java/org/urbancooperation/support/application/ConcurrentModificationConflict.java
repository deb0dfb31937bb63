package org.urbancooperation.support.application;

/**
 * The aggregate changed since the caller (or this request) read it. Without an If-Match header
 * this is a 409; when the caller sent If-Match, a 412.
 */
public class ConcurrentModificationConflict extends RuntimeException {

    private final boolean preconditionGiven;

    public ConcurrentModificationConflict(String message, boolean preconditionGiven) {
        super(message);
        this.preconditionGiven = preconditionGiven;
    }

    public boolean preconditionGiven() {
        return preconditionGiven;
    }
}
