package org.urbancooperation.contracts.events;

import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A participant's registration for a cooperation event was confirmed. Published on the cooperation
 * event's topic with the event as aggregate, so that all facts about one event and its registrations are
 * in order. Carries no personal data: the participant stays in event-service.
 */
public record RegistrationConfirmed(
        UUID registrationId,
        UUID cooperationEventId,
        List<UUID> partnershipIds) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return cooperationEventId.toString();
    }
}
