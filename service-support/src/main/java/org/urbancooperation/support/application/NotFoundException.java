package org.urbancooperation.support.application;

/** The addressed resource does not exist, or the caller may not know that it exists (404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " was not found");
    }
}
