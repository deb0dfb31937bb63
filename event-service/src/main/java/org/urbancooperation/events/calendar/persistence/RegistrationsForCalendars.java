package org.urbancooperation.events.calendar.persistence;

import java.util.HashSet;
import java.util.List;

import org.urbancooperation.events.calendar.application.SessionRegistrations;
import org.urbancooperation.events.registration.application.RegistrationRepository;

/**
 * The personal feed's registrations, read from the registration feature's store: an adapter, so that neither
 * feature's use cases call the other's.
 */
public class RegistrationsForCalendars implements SessionRegistrations {

    private final RegistrationRepository registrations;

    public RegistrationsForCalendars(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @Override
    public List<Registered> confirmedOf(String participant) {
        return registrations.confirmedOf(participant).stream()
                .map(r -> new Registered(r.cooperationEventId(), new HashSet<>(r.sessionIds())))
                .toList();
    }
}
