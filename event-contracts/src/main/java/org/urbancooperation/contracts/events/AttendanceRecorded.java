package org.urbancooperation.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * An organiser recorded that a confirmed registrant attended the cooperation event. No personal data.
 *
 * @param partnershipIds the partnerships the event counts for; empty when it belongs to none
 */
public record AttendanceRecorded(
        UUID registrationId,
        UUID cooperationEventId,
        List<UUID> partnershipIds,
        Instant attendedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return cooperationEventId.toString();
    }
}
