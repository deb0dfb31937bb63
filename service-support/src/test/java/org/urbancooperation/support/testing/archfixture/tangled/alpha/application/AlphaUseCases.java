package org.urbancooperation.support.testing.archfixture.tangled.alpha.application;

import org.urbancooperation.support.testing.archfixture.tangled.beta.application.BetaUseCases;

/** Fixture: use cases that call another feature's use cases, which {@code ServiceArchitectureTest} forbids. */
public class AlphaUseCases {

    private final BetaUseCases beta;

    public AlphaUseCases(BetaUseCases beta) {
        this.beta = beta;
    }

    public boolean act(String id) {
        return beta.exists(id);
    }
}
