package org.urbancooperation.events.registration.application;

import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.events.registration.domain.Offer;
import org.urbancooperation.support.security.Caller;

/** What registration needs to know of cooperation events (a port: the cooperation events feature answers it). */
public interface EventDirectory {

    /**
     * @param offer what it offers registrants now
     * @param managedByCaller the caller is one of its organisers' staff or an operator: sees and manages all its
     *        registrations
     */
    record EventFacts(UUID id, Offer offer, boolean managedByCaller) {
    }

    /**
     * The event as {@code caller} may see it.
     *
     * @throws org.urbancooperation.support.application.NotFoundException when it does not exist for them (a draft of
     *         other organisers, or no such event)
     */
    EventFacts visibleTo(Caller caller, UUID eventId);

    /** The event as it is now, whoever asks; empty when there is none. */
    Optional<EventFacts> find(UUID eventId);
}
