package org.urbancooperation.contracts.events;

import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * The cooperation event a registration is for was cancelled or postponed: one per registration that was not
 * cancelled, so that whoever notifies registrants (by mail, in a calendar feed) can tell each of them. No personal
 * data: the notifier asks event-service for the registration.
 *
 * @param reason CANCELLED or POSTPONED
 * @param status the registration's status when the event changed: CONFIRMED or WAITLISTED
 */
public record RegistrationAffected(
        UUID registrationId,
        UUID cooperationEventId,
        String reason,
        String status) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return cooperationEventId.toString();
    }
}
