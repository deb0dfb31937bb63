package org.urbancooperation.support.application;

/** An aggregate as stored, with the version its next change must expect. */
public record Versioned<A>(A aggregate, long version) {
}
