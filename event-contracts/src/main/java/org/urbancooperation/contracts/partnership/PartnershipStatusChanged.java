package org.urbancooperation.contracts.partnership;

import java.time.Instant;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A partnership moved in its lifecycle: PROPOSED, ACTIVE, SUSPENDED, CONCLUDED.
 *
 * @param reason why, as the secretariat entered it (required for SUSPENDED and CONCLUDED), or null
 * @param at when the move was made
 */
public record PartnershipStatusChanged(
        UUID partnershipId,
        String from,
        String to,
        String reason,
        Instant at) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return partnershipId.toString();
    }
}
