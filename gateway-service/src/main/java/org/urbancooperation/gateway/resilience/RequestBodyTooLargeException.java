package org.urbancooperation.gateway.resilience;

/**
 * A chunked request body grew past {@code ucp.http.max-request-body}. Raised inside the body stream, so
 * it may pass through a circuit breaker on its way out: the breakers ignore it (application.yml,
 * {@code ignore-exceptions}), a client's oversized upload says nothing about the service's health.
 */
public class RequestBodyTooLargeException extends RuntimeException {

    public RequestBodyTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes", null, false, false);
    }
}
