package org.urbancooperation.support.testing.archfixture.clean.beta.application;

import org.urbancooperation.support.testing.archfixture.clean.beta.domain.Beta;

/** Fixture: a feature's use cases. */
public class BetaUseCases {

    public Beta find(String id) {
        return new Beta(id);
    }
}
