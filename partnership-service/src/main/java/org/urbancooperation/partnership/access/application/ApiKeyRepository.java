package org.urbancooperation.partnership.access.application;

import java.util.Optional;

import org.urbancooperation.partnership.access.domain.ApiKey;
import org.urbancooperation.partnership.access.domain.ApiKeyEvent;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Stores API keys together with the events of each change (one write each). */
public interface ApiKeyRepository {

    Optional<Versioned<ApiKey>> find(String keyId);

    /** @throws ConcurrentModificationConflict when a key with this id exists already */
    Versioned<ApiKey> insert(ResultWithEvents<ApiKey, ApiKeyEvent> issued);

    /** @throws ConcurrentModificationConflict when the key is no longer at {@code readVersion} */
    Versioned<ApiKey> update(ResultWithEvents<ApiKey, ApiKeyEvent> changed, long readVersion);

    /** A page of the keys of one organisation (or of all when null), in key id order. */
    Page<Versioned<ApiKey>> list(String organisationId, PageRequest page);
}
