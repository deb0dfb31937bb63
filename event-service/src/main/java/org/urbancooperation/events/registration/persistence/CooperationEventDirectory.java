package org.urbancooperation.events.registration.persistence;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.urbancooperation.events.cooperationevent.application.CooperationEventRepository;
import org.urbancooperation.events.cooperationevent.application.CooperationEventService;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.Session;
import org.urbancooperation.events.registration.application.EventDirectory;
import org.urbancooperation.events.registration.domain.Offer;
import org.urbancooperation.support.security.Caller;

/**
 * Answers registration's questions from the cooperation events of this service: who sees an event and who organises
 * it are decided where they are for the event itself ({@link CooperationEventService}), so the two never disagree.
 */
public class CooperationEventDirectory implements EventDirectory {

    private final CooperationEventService cooperationEventService;
    private final CooperationEventRepository cooperationEvents;

    public CooperationEventDirectory(CooperationEventService cooperationEventService,
            CooperationEventRepository cooperationEvents) {
        this.cooperationEventService = cooperationEventService;
        this.cooperationEvents = cooperationEvents;
    }

    @Override
    public EventFacts visibleTo(Caller caller, UUID eventId) {
        CooperationEvent e = cooperationEventService.get(caller, eventId).aggregate();
        return new EventFacts(e.id(), offer(e), cooperationEventService.mayChange(caller, e));
    }

    @Override
    public Optional<EventFacts> find(UUID eventId) {
        return cooperationEvents.find(eventId).map(v -> new EventFacts(eventId, offer(v.aggregate()), false));
    }

    /** Registrations may name the sessions of the latest published agenda. */
    static Offer offer(CooperationEvent e) {
        Set<UUID> sessions = e.latestAgenda().map(v -> v.sessions().stream().map(Session::id)
                .collect(Collectors.toSet())).orElse(Set.of());
        return new Offer(e.status().name(), e.capacity(), sessions, e.partnershipIds());
    }
}
