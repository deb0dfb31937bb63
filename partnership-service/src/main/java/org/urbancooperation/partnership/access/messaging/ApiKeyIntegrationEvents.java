package org.urbancooperation.partnership.access.messaging;

import java.util.List;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.access.ApiKeyIssued;
import org.urbancooperation.contracts.access.ApiKeyRevoked;
import org.urbancooperation.partnership.access.domain.ApiKey;
import org.urbancooperation.partnership.access.domain.ApiKeyEvent;

/** Maps the API key events to the contracts the gateway reads: the secret's hash, never the secret. */
public final class ApiKeyIntegrationEvents {

    private ApiKeyIntegrationEvents() {
    }

    public static List<IntegrationEvent> of(List<ApiKeyEvent> events) {
        return events.stream().map(ApiKeyIntegrationEvents::of).toList();
    }

    static IntegrationEvent of(ApiKeyEvent event) {
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
        if (event instanceof ApiKeyEvent.Issued issued) {
            ApiKey k = issued.key();
            return new ApiKeyIssued(k.id(), k.secretHash(), k.role().wireName(), k.organisationId(), k.businessId(),
                    k.label(), k.issuedAt(), k.expiresAt());
        }
        if (event instanceof ApiKeyEvent.Revoked revoked) {
            return new ApiKeyRevoked(revoked.key().id(), revoked.key().revokedAt());
        }
        throw new IllegalArgumentException("unmapped API key event " + event.getClass().getName());
    }
}
