package org.urbancooperation.support.testing.archfixture.tangled.alpha.domain;

import org.urbancooperation.support.testing.archfixture.tangled.alpha.persistence.AlphaStore;

/** Fixture: a domain class that reaches for an adapter (and through it, for BSON). */
public class Alpha {

    public Object load(AlphaStore store) {
        return store.load("alpha");
    }

    public org.bson.Document raw() {
        return new org.bson.Document();
    }
}
