package org.urbancooperation.support.testing.archfixture.tangled.beta.application;

/** Fixture: another feature's use cases. */
public class BetaUseCases {

    public boolean exists(String id) {
        return !id.isEmpty();
    }
}
