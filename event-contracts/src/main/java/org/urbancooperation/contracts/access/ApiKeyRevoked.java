package org.urbancooperation.contracts.access;

import java.time.Instant;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * An operator revoked an API key (directly, or by rotating it): from now on the gateway refuses it.
 * A key is never re-activated, so a consumer may drop it for good.
 */
public record ApiKeyRevoked(String keyId, Instant revokedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return keyId;
    }
}
