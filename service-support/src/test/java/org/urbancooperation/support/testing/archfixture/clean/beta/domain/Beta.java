package org.urbancooperation.support.testing.archfixture.clean.beta.domain;

/** Fixture: a domain type other features may use. */
public record Beta(String id) {
}
