package org.urbancooperation.events.registration.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.events.registration.domain.EventRegistrations;
import org.urbancooperation.events.registration.domain.RegistrationChange;
import org.urbancooperation.events.registration.domain.RegistrationStatus;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;

/** Stores each event's registrations as one document, with the integration events of each command (one write). */
public interface RegistrationRepository {

    /** A participant's confirmed place at one event, and the sessions it attends there. */
    record ConfirmedRegistration(UUID cooperationEventId, UUID registrationId, List<UUID> sessionIds) {
    }

    /** Waitlisted registrations: all events together, and the longest one event has. */
    record WaitlistLengths(long total, long longest) {
    }

    Optional<Versioned<EventRegistrations>> find(UUID cooperationEventId);

    /**
     * Stores a change of the registrations read at {@code readVersion}; 0 means none were stored yet, and the change
     * stores them.
     *
     * @throws org.urbancooperation.support.application.ConcurrentModificationConflict when no longer at readVersion
     */
    Versioned<EventRegistrations> update(ResultWithEvents<EventRegistrations, RegistrationChange> changed,
            long readVersion);

    /**
     * Which sessions of which events {@code participant} holds a confirmed place for (what a personal calendar feed
     * shows).
     */
    List<ConfirmedRegistration> confirmedOf(String participant);

    /** Registrations of all events by status (for the gauges). */
    Map<RegistrationStatus, Long> countByStatus();

    WaitlistLengths waitlistLengths();

    /** The events where somebody waits. */
    List<EventRegistrations> withWaitlist();
}
