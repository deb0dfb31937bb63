package org.urbancooperation.events.calendar.application;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a participant registered for, as the registration feature answers it: the port it plugs into the personal
 * calendar feed (e.g. from {@code RegistrationRepository.confirmedOf(participant)}).
 */
@FunctionalInterface
public interface SessionRegistrations {

    /**
     * @param sessionIds the sessions chosen; empty when the registration is for the whole event
     */
    record Registered(UUID eventId, Set<UUID> sessionIds) {

        public Registered {
            sessionIds = Set.copyOf(sessionIds);
        }
    }

    /** The confirmed registrations of the participant (not waitlisted, not cancelled). */
    List<Registered> confirmedOf(String participant);
}
