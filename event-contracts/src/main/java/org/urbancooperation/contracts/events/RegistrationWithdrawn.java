package org.urbancooperation.contracts.events;

import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/** A confirmed registration for a cooperation event was withdrawn (by the participant or the organiser). */
public record RegistrationWithdrawn(
        UUID registrationId,
        UUID cooperationEventId,
        List<UUID> partnershipIds) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return cooperationEventId.toString();
    }
}
