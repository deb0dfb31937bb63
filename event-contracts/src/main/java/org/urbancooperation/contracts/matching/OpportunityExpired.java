package org.urbancooperation.contracts.matching;

import java.time.Instant;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/** A published opportunity reached its validUntil and expired by itself; it is no longer proposed. */
public record OpportunityExpired(
        UUID opportunityId,
        String businessId,
        Instant validUntil) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return opportunityId.toString();
    }
}
