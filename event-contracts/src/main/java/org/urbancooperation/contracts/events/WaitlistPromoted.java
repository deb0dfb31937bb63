package org.urbancooperation.contracts.events;

import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A place freed and a waitlisted registration took it. Raised together with {@link RegistrationConfirmed} for the
 * same registration (in the same write, when the event counts for a partnership), so that counters of confirmed
 * registrations need not know about waitlists. No personal data.
 *
 * @param waitlistPosition where it stood in line when the place freed (1: first)
 */
public record WaitlistPromoted(
        UUID registrationId,
        UUID cooperationEventId,
        int waitlistPosition) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return cooperationEventId.toString();
    }
}
