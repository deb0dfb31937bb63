package org.urbancooperation.support.testing.archfixture.tangled.alpha.persistence;

import org.bson.Document;

/** Fixture: an adapter. */
public class AlphaStore {

    public Document load(String id) {
        return new Document("_id", id);
    }
}
