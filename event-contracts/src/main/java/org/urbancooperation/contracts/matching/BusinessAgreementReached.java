package org.urbancooperation.contracts.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * Two or more businesses reported a cooperation agreement reached through a matching event (a joint
 * venture, a distribution or research agreement).
 *
 * @param meetingId the meeting it came from, when known
 */
public record BusinessAgreementReached(
        UUID businessAgreementId,
        UUID matchingEventId,
        UUID meetingId,
        List<UUID> partnershipIds,
        LocalDate reachedOn) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return matchingEventId.toString();
    }
}
