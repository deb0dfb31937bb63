package org.urbancooperation.events.calendar.application;

import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.security.Caller;

/** The cooperation events the calendars show, as the cooperation event feature keeps them. */
public interface CalendarEvents {

    /**
     * The event as its own read shows it to the caller: anybody sees a public one, a draft only those who may
     * change it.
     *
     * @throws org.urbancooperation.support.application.NotFoundException when there is none, or the caller may not
     *         know it exists
     */
    Versioned<CooperationEvent> visibleTo(Caller caller, UUID eventId);

    /** The event whoever asks, for a participant's own feed (its entries leave drafts out). */
    Optional<Versioned<CooperationEvent>> find(UUID eventId);
}
