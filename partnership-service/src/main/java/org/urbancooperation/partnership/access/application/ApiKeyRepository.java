package org.urbancooperation.partnership.apikey.application;

import java.util.List;
import java.util.Optional;

import org.urbancooperation.partnership.apikey.domain.ApiKey;
import org.urbancooperation.partnership.apikey.domain.ApiKeyEvent;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;

/** Stores API keys together with the events of each change (one write each). */
public interface ApiKeyRepository {

    Optional<Versioned<ApiKey>> find(String keyId);

    /** @throws ConcurrentModificationConflict when a key with this id exists already */
    Versioned<ApiKey> insert(ResultWithEvents<ApiKey, ApiKeyEvent> issued);

    /** @throws ConcurrentModificationConflict when the key is no longer at {@code readVersion} */
    Versioned<ApiKey> update(ResultWithEvents<ApiKey, ApiKeyEvent> changed, long readVersion);

    /** Keys of one organisation (or all when null), oldest first. */
    List<Versioned<ApiKey>> list(String organisationId, int offset, int limit);
}
