package org.urbancooperation.events.calendar.persistence;

import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.events.calendar.application.CalendarEvents;
import org.urbancooperation.events.cooperationevent.application.CooperationEventRepository;
import org.urbancooperation.events.cooperationevent.application.CooperationEventService;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.security.Caller;

/**
 * The calendars' view of the cooperation events: the events' own read decides who sees a draft (one rule, kept
 * there), their repository finds them for personal feeds.
 */
public class CooperationEventsForCalendars implements CalendarEvents {

    private final CooperationEventService cooperationEvents;
    private final CooperationEventRepository repository;

    public CooperationEventsForCalendars(CooperationEventService cooperationEvents,
            CooperationEventRepository repository) {
        this.cooperationEvents = cooperationEvents;
        this.repository = repository;
    }

    @Override
    public Versioned<CooperationEvent> visibleTo(Caller caller, UUID eventId) {
        return cooperationEvents.get(caller, eventId);
    }

    @Override
    public Optional<Versioned<CooperationEvent>> find(UUID eventId) {
        return repository.find(eventId);
    }
}
