package org.urbancooperation.events.registration.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.urbancooperation.events.registration.domain.EventRegistrations;
import org.urbancooperation.events.registration.domain.Registration;
import org.urbancooperation.events.registration.domain.RegistrationChange;
import org.urbancooperation.events.registration.domain.RegistrationRole;
import org.urbancooperation.events.registration.domain.RegistrationStatus;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Cursors;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.AccessDeniedException;
import org.urbancooperation.support.security.Caller;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Registration for cooperation events: who may register, see, cancel and record attendance, and the optimistic
 * write of each command on the event's one registrations document, read again and retried when another command
 * wrote it first (docs/decisions/0005).
 */
public class RegistrationService {

    /**
     * Lost races in a row before giving up with a 409. Each loss means another command on the same event succeeded,
     * so the system as a whole progresses; the bound only keeps one request from spinning forever.
     */
    static final int ATTEMPTS = 200;
    /** The longest pause after a lost race: a random pause up to it spreads the losers' next attempts apart. */
    static final long MAX_PAUSE_MILLIS = 20;

    /** @param participant whom to register: absent for the caller itself; only operators name somebody else */
    public record RegistrationInput(String participant, RegistrationRole role, String name, String organisation,
            List<UUID> sessionIds) {
    }

    /** A registration as a reader sees it. @param waitlistPosition 1 for the first in line; null unless waitlisted */
    public record RegistrationView(UUID cooperationEventId, Registration registration, Integer waitlistPosition) {

        public long version() {
            return registration.version();
        }
    }

    /** @param created false when the participant was registered already and got its registration back */
    public record Registered(RegistrationView view, boolean created) {
    }

    /** An event's registration terms and how full it is. */
    public record Places(UUID cooperationEventId, long version, Instant deadline, Integer capacity, long confirmed,
            long waitlisted, Map<UUID, Integer> sessionCapacities, Map<UUID, Long> confirmedBySession) {
    }

    private final RegistrationRepository registrations;
    private final EventDirectory events;
    private final Clock clock;
    private final Counter promotions;
    private final Counter lostRaces;

    public RegistrationService(RegistrationRepository registrations, EventDirectory events, Clock clock,
            MeterRegistry meters) {
        this.registrations = registrations;
        this.events = events;
        this.clock = clock;
        this.promotions = Counter.builder("ucp.registrations.promoted")
                .description("Waitlisted registrations that got a place when one freed")
                .register(meters);
        this.lostRaces = Counter.builder("ucp.registrations.write.conflicts")
                .description("Writes of an event's registrations that another command beat, read again and retried")
                .register(meters);
    }

    /**
     * Registers the caller (or, for operators, anybody) for a published event. Registering again gives the same
     * registration back.
     */
    public Registered register(Caller caller, UUID eventId, RegistrationInput input) {
        Access.requireAuthenticated(caller);
        events.visibleTo(caller, eventId); // a draft does not exist for those who may not see it
        String self = caller.identity().orElseThrow().subject();
        EventRegistrations.Application application = new EventRegistrations.Application(
                input.participant() == null ? self : input.participant(), input.role(), input.name(),
                input.organisation(), input.sessionIds());
        String participant = application.participant();
        if (!participant.equals(self) && !caller.isOperator()) {
            throw new AccessDeniedException("Only operators register somebody else; leave participant out to "
                    + "register yourself");
        }
        UUID newId = UUID.randomUUID();
        for (int attempt = 1; ; attempt++) {
            EventDirectory.EventFacts event = event(eventId);
            Versioned<EventRegistrations> book = book(eventId);
            ResultWithEvents<EventRegistrations, RegistrationChange> result = book.aggregate().register(newId,
                    application, event.offer(), clock.instant());
            if (result.aggregate() == book.aggregate()) {
                return new Registered(view(book.aggregate(), book.aggregate().ofParticipant(participant)
                        .orElseThrow()), false);
            }
            try {
                Versioned<EventRegistrations> saved = save(result, book.version());
                return new Registered(view(saved.aggregate(), saved.aggregate().ofParticipant(participant)
                        .orElseThrow()), true);
            } catch (ConcurrentModificationConflict lost) {
                giveUpAfter(attempt, lost);
            }
        }
    }

    /** The participant, the event's organisers and operators see a registration; to everybody else it does not exist. */
    public RegistrationView get(Caller caller, UUID eventId, UUID registrationId) {
        Access.requireAuthenticated(caller);
        EventDirectory.EventFacts event = events.visibleTo(caller, eventId);
        EventRegistrations book = book(eventId).aggregate();
        Registration r = visible(caller, event, book, registrationId);
        return view(book, r);
    }

    /**
     * Organisers and operators list all registrations of the event; anybody else only its own. In id order, which
     * nothing changes.
     */
    public Page<RegistrationView> list(Caller caller, UUID eventId, RegistrationStatus status, PageRequest page) {
        Access.requireAuthenticated(caller);
        boolean all = events.visibleTo(caller, eventId).managedByCaller();
        EventRegistrations book = registrations.find(eventId).map(Versioned::aggregate)
                .orElse(EventRegistrations.none(eventId));
        String self = caller.identity().orElseThrow().subject();
        List<Registration> matching = book.registrations().stream()
                .filter(r -> all || r.participant().equals(self))
                .filter(r -> status == null || r.status() == status)
                .filter(r -> page.isFirst() || r.id().toString().compareTo(page.after()) > 0)
                .sorted(Comparator.comparing(r -> r.id().toString()))
                .limit(page.limit() + 1L).toList();
        boolean more = matching.size() > page.limit();
        List<Registration> items = more ? matching.subList(0, page.limit()) : matching;
        return new Page<>(items.stream().map(r -> view(book, r)).toList(),
                more ? Cursors.after(items.get(items.size() - 1).id().toString()) : null);
    }

    /** Cancels a registration (the participant, the event's organisers or operators); its place goes to the waitlist. */
    public RegistrationView cancel(Caller caller, UUID eventId, UUID registrationId, ExpectedVersion expected) {
        Access.requireAuthenticated(caller);
        EventDirectory.EventFacts seen = events.visibleTo(caller, eventId);
        visible(caller, seen, book(eventId).aggregate(), registrationId);
        return change(eventId, registrationId, expected, (book, event) -> book.cancel(registrationId, event.offer()));
    }

    /** The event's organisers and operators record that a confirmed participant attended. */
    public RegistrationView recordAttendance(Caller caller, UUID eventId, UUID registrationId,
            ExpectedVersion expected) {
        Access.requireAuthenticated(caller);
        EventDirectory.EventFacts seen = events.visibleTo(caller, eventId);
        visible(caller, seen, book(eventId).aggregate(), registrationId);
        if (!seen.managedByCaller()) {
            throw new AccessDeniedException("Only the event's organisers record attendance");
        }
        return change(eventId, registrationId, expected,
                (book, event) -> book.recordAttendance(registrationId, event.offer(), clock.instant()));
    }

    /** Anybody who may see the event sees its terms and how full it is. */
    public Places places(Caller caller, UUID eventId) {
        EventDirectory.EventFacts event = events.visibleTo(caller, eventId);
        // Stored on first read, so that the ETag read here is the version a change with If-Match expects.
        return places(event, book(eventId));
    }

    /** The organisers set the registration deadline and the sessions' capacities (If-Match: the terms' ETag). */
    public Places configure(Caller caller, UUID eventId, Instant deadline, Map<UUID, Integer> sessionCapacities,
            ExpectedVersion expected) {
        Access.requireAuthenticated(caller);
        if (!events.visibleTo(caller, eventId).managedByCaller()) {
            throw new AccessDeniedException("Cooperation event " + eventId + " belongs to other organisations");
        }
        for (int attempt = 1; ; attempt++) {
            EventDirectory.EventFacts event = event(eventId);
            Versioned<EventRegistrations> book = book(eventId);
            expected.check("Registration terms of cooperation event " + eventId, book.version());
            ResultWithEvents<EventRegistrations, RegistrationChange> result = book.aggregate().configure(deadline,
                    sessionCapacities, event.offer());
            try {
                return places(event, save(result, book.version()));
            } catch (ConcurrentModificationConflict lost) {
                giveUpAfter(attempt, lost);
            }
        }
    }

    /**
     * The event was cancelled or postponed (a consumer of its own integration events): each registrant is told once.
     *
     * @return false when the notice was stale (told before)
     */
    public boolean eventChanged(UUID eventId, RegistrationChange.EventChangeReason reason, long eventVersion) {
        for (int attempt = 1; ; attempt++) {
            Versioned<EventRegistrations> book = book(eventId);
            ResultWithEvents<EventRegistrations, RegistrationChange> result = book.aggregate().eventChanged(reason,
                    eventVersion);
            if (result.aggregate() == book.aggregate()) {
                return false;
            }
            try {
                save(result, book.version());
                return true;
            } catch (ConcurrentModificationConflict lost) {
                giveUpAfter(attempt, lost);
            }
        }
    }

    /** What a personal calendar feed shows: the events and sessions {@code participant} holds a place for. */
    public List<RegistrationRepository.ConfirmedRegistration> confirmedOf(String participant) {
        return registrations.confirmedOf(participant);
    }

    /**
     * Waitlisted registrations of all events that a free place would fit now: 0 unless promotion is stuck (or the
     * event's capacity grew and nobody registered or cancelled since).
     */
    public long waitingWithFreePlace() {
        long promotable = 0;
        for (EventRegistrations book : registrations.withWaitlist()) {
            promotable += events.find(book.cooperationEventId()).map(e -> book.promotable(e.offer())).orElse(0L);
        }
        return promotable;
    }

    private interface Command {
        ResultWithEvents<EventRegistrations, RegistrationChange> apply(EventRegistrations book,
                EventDirectory.EventFacts event);
    }

    private RegistrationView change(UUID eventId, UUID registrationId, ExpectedVersion expected, Command command) {
        for (int attempt = 1; ; attempt++) {
            EventDirectory.EventFacts event = event(eventId);
            Versioned<EventRegistrations> book = book(eventId);
            Registration current = book.aggregate().find(registrationId)
                    .orElseThrow(() -> new NotFoundException("Registration", registrationId));
            // If-Match names the registration's own version: others' registrations changing meanwhile is no conflict.
            expected.check("Registration " + registrationId, current.version());
            ResultWithEvents<EventRegistrations, RegistrationChange> result = command.apply(book.aggregate(), event);
            if (result.aggregate() == book.aggregate()) {
                return view(book.aggregate(), current);
            }
            try {
                Versioned<EventRegistrations> saved = save(result, book.version());
                return view(saved.aggregate(), saved.aggregate().find(registrationId).orElseThrow());
            } catch (ConcurrentModificationConflict lost) {
                giveUpAfter(attempt, lost);
            }
        }
    }

    private Versioned<EventRegistrations> save(ResultWithEvents<EventRegistrations, RegistrationChange> result,
            long readVersion) {
        Versioned<EventRegistrations> saved = registrations.update(result, readVersion);
        long promoted = result.events().stream().filter(c -> c instanceof RegistrationChange.Promoted).count();
        promotions.increment(promoted);
        return saved;
    }

    private void giveUpAfter(int attempt, ConcurrentModificationConflict lost) {
        lostRaces.increment();
        if (attempt >= ATTEMPTS) {
            throw lost;
        }
        long bound = Math.min(MAX_PAUSE_MILLIS, 1L << Math.min(attempt, 5));
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw lost;
        }
    }

    /**
     * The event's registrations; none yet is an empty book at version 0, stored only by the first change that succeeds
     * (a refused command or a read never leaves a document behind).
     */
    private Versioned<EventRegistrations> book(UUID eventId) {
        return registrations.find(eventId).orElseGet(() -> new Versioned<>(EventRegistrations.none(eventId), 0L));
    }

    private EventDirectory.EventFacts event(UUID eventId) {
        return events.find(eventId).orElseThrow(() -> new NotFoundException("Cooperation event", eventId));
    }

    private Registration visible(Caller caller, EventDirectory.EventFacts event, EventRegistrations book,
            UUID registrationId) {
        Registration r = book.find(registrationId)
                .orElseThrow(() -> new NotFoundException("Registration", registrationId));
        boolean own = caller.identity().map(i -> i.subject().equals(r.participant())).orElse(false);
        if (!own && !event.managedByCaller()) {
            throw new NotFoundException("Registration", registrationId);
        }
        return r;
    }

    private static RegistrationView view(EventRegistrations book, Registration r) {
        return new RegistrationView(book.cooperationEventId(), r, book.waitlistPosition(r).orElse(null));
    }

    private static Places places(EventDirectory.EventFacts event, Versioned<EventRegistrations> book) {
        EventRegistrations b = book.aggregate();
        Map<UUID, Long> bySession = new java.util.LinkedHashMap<>();
        b.sessionCapacities().keySet().stream().sorted()
                .forEach(session -> bySession.put(session, b.confirmedIn(session)));
        return new Places(event.id(), book.version(), b.deadline(), event.offer().capacity(),
                b.count(RegistrationStatus.CONFIRMED), b.count(RegistrationStatus.WAITLISTED),
                new java.util.TreeMap<>(b.sessionCapacities()), bySession);
    }
}
