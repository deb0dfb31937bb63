package org.urbancooperation.support.testing.archfixture.clean.alpha.application;

import java.util.Optional;

import org.urbancooperation.support.testing.archfixture.clean.beta.domain.Beta;

/** Fixture: use cases that need another feature's data through a port of their own, using its domain type. */
public class AlphaUseCases {

    /** The port; implemented in alpha's persistence. */
    public interface Betas {
        Optional<Beta> find(String id);
    }

    private final Betas betas;

    public AlphaUseCases(Betas betas) {
        this.betas = betas;
    }

    public boolean act(String id) {
        return betas.find(id).isPresent();
    }
}
