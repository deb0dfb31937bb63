package org.urbancooperation.support.web;

/** The request body exceeds {@code ucp.http.max-request-body} (413). */
public class RequestBodyTooLargeException extends RuntimeException {

    public RequestBodyTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes");
    }
}
