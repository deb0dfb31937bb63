package org.urbancooperation.contracts.matching;

import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A published opportunity was withdrawn, by its business or by an operator (abusive content); it is no longer
 * proposed.
 *
 * @param reason why, when one was given; null otherwise
 */
public record OpportunityWithdrawn(
        UUID opportunityId,
        String businessId,
        String reason) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return opportunityId.toString();
    }
}
