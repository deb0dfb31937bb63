package org.urbancooperation.events.registration.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.domain.RuleViolationException;

/**
 * All registrations of one cooperation event, its places and its waitlist, as ONE aggregate: every command that gives
 * or frees a place sees every other place, so the rules below hold after each command and no transaction spanning
 * documents is needed (docs/decisions/0005). Immutable: each command returns the new state and what it changed.
 * <p>
 * Rules: confirmed registrations never exceed the event's capacity nor a session's; a registration is waitlisted
 * when it does not fit; whenever a place frees, the waitlisted registrations are offered it in the order they
 * arrived, and the first that fits (its sessions included) takes it; one registration per participant.
 *
 * @param deadline registrations are refused after it; null: open until the event is no longer PUBLISHED
 * @param sessionCapacities places per session, for the sessions that have a limit
 * @param partnershipIds the partnerships of the event, as of the last command (for the integration events)
 * @param registrations in arrival order ({@link Registration#sequence()})
 * @param nextSequence the sequence the next arrival gets
 * @param eventVersionSeen the cooperation event's version whose cancellation or postponement was last told to the
 *        registrants: older or repeated notices are stale
 */
public record EventRegistrations(
        UUID cooperationEventId,
        Instant deadline,
        Map<UUID, Integer> sessionCapacities,
        List<UUID> partnershipIds,
        List<Registration> registrations,
        long nextSequence,
        long eventVersionSeen) {

    /**
     * One document holds them all; this keeps it far below MongoDB's 16 MB (a registration is a few hundred bytes).
     * Cancelled ones count: they keep their id, so that registering again gives the same registration back.
     */
    public static final int MAX_REGISTRATIONS = 20_000;
    public static final int MAX_SESSION_CAPACITY = 1_000_000;

    public EventRegistrations {
        Require.present("cooperationEventId", cooperationEventId);
        sessionCapacities = Map.copyOf(sessionCapacities == null ? Map.of() : sessionCapacities);
        sessionCapacities.forEach((session, places) -> {
            if (places == null || places < 1 || places > MAX_SESSION_CAPACITY) {
                throw new InvalidValueException("sessionCapacities." + session, "a session's capacity is between 1 "
                        + "and " + MAX_SESSION_CAPACITY);
            }
        });
        partnershipIds = List.copyOf(partnershipIds == null ? List.of() : partnershipIds);
        registrations = List.copyOf(registrations);
    }

    /** An event nobody registered for yet. */
    public static EventRegistrations none(UUID cooperationEventId) {
        return new EventRegistrations(cooperationEventId, null, Map.of(), List.of(), List.of(), 1, 0);
    }

    /** What a participant asks for. */
    public record Application(String participant, RegistrationRole role, String name, String organisation,
            List<UUID> sessionIds) {

        public Application {
            participant = Registration.checkedParticipant(participant);
            Require.present("role", role);
            name = Registration.checkedName(name);
            organisation = Registration.checkedOrganisation(organisation);
            sessionIds = Registration.checkedSessionIds(sessionIds);
        }
    }

    /**
     * Registers a participant: CONFIRMED when the event and each session named have a place, WAITLISTED otherwise.
     * A participant already registered gets its registration back unchanged (the same aggregate instance: nothing to
     * write); one who cancelled gets the same registration again, at the end of the queue.
     */
    public ResultWithEvents<EventRegistrations, RegistrationChange> register(UUID newId, Application a, Offer offer,
            Instant now) {
        Optional<Registration> existing = ofParticipant(a.participant());
        if (existing.isPresent() && existing.get().status() != RegistrationStatus.CANCELLED) {
            return ResultWithEvents.of(this);
        }
        if (!offer.acceptsRegistrations()) {
            throw new RegistrationClosed("status", "The cooperation event is " + offer.status()
                    + ": registration is open only while it is PUBLISHED");
        }
        if (deadline != null && now.isAfter(deadline)) {
            throw new RegistrationClosed("registrationDeadline", "Registration closed at its deadline, " + deadline);
        }
        List<UUID> sessions = a.sessionIds();
        for (int i = 0; i < sessions.size(); i++) {
            if (!offer.sessionIds().contains(sessions.get(i))) {
                throw new InvalidValueException("sessionIds[" + i + "]", "Session " + sessions.get(i)
                        + " is not in the event's published agenda");
            }
        }
        if (existing.isEmpty() && registrations.size() >= MAX_REGISTRATIONS) {
            throw new RuleViolationException("The event has " + MAX_REGISTRATIONS + " registrations, as many as one "
                    + "event takes");
        }
        // Those already waiting come first: places free before this arrival (the event grew) are theirs.
        List<RegistrationChange> changes = new ArrayList<>();
        EventRegistrations before = fillPlaces(offer, changes).aggregate();
        UUID id = existing.map(Registration::id).orElse(newId);
        long version = existing.map(r -> r.version() + 1).orElse(1L);
        Registration waiting = new Registration(id, a.participant(), a.role(), a.name(), a.organisation(), sessions,
                RegistrationStatus.WAITLISTED, nextSequence, now, null, version);
        List<Registration> all = new ArrayList<>(before.registrations());
        all.removeIf(r -> r.id().equals(id));
        RegistrationChange change;
        Registration placed;
        if (offer.fillsPlaces() && fits(waiting, offer.capacity(), sessionCapacities, all)) {
            placed = new Registration(id, a.participant(), a.role(), a.name(), a.organisation(), sessions,
                    RegistrationStatus.CONFIRMED, nextSequence, now, null, version);
            change = new RegistrationChange.Confirmed(placed);
        } else {
            placed = waiting;
            change = null;
        }
        all.add(placed);
        EventRegistrations next = new EventRegistrations(cooperationEventId, deadline, sessionCapacities,
                offer.partnershipIds(), all, nextSequence + 1, eventVersionSeen);
        if (change == null) {
            change = new RegistrationChange.Waitlisted(placed, next.waitlistPosition(placed).orElseThrow());
        }
        changes.add(change);
        return new ResultWithEvents<>(next, changes);
    }

    /** Cancels a registration; a place it held goes to the first waitlisted registration that fits. */
    public ResultWithEvents<EventRegistrations, RegistrationChange> cancel(UUID registrationId, Offer offer) {
        Registration r = get(registrationId);
        if (r.status() == RegistrationStatus.CANCELLED) {
            return ResultWithEvents.of(this); // cancelling twice is cancelling once
        }
        Registration cancelled = r.with(RegistrationStatus.CANCELLED);
        List<RegistrationChange> changes = new ArrayList<>();
        changes.add(new RegistrationChange.Withdrawn(cancelled, r.holdsPlace()));
        return replace(cancelled, offer.partnershipIds()).fillPlaces(offer, changes);
    }

    /** An organiser records that a confirmed participant attended; recording it again changes nothing. */
    public ResultWithEvents<EventRegistrations, RegistrationChange> recordAttendance(UUID registrationId, Offer offer,
            Instant at) {
        Registration r = get(registrationId);
        if (r.status() != RegistrationStatus.CONFIRMED) {
            throw new RuleViolationException("Registration " + registrationId + " is " + r.status()
                    + ": only a CONFIRMED registration can be recorded as attended");
        }
        if (!"PUBLISHED".equals(offer.status()) && !"COMPLETED".equals(offer.status())) {
            throw new RegistrationClosed("status", "The cooperation event is " + offer.status()
                    + ": attendance is recorded for a PUBLISHED or COMPLETED event");
        }
        if (r.attendedAt() != null) {
            return ResultWithEvents.of(this);
        }
        Registration attended = r.attended(at);
        return ResultWithEvents.of(replace(attended, offer.partnershipIds()),
                new RegistrationChange.AttendanceRecorded(attended));
    }

    /**
     * Sets the deadline and the sessions' capacities; a session given more places fills them from the waitlist, one
     * given fewer than it has confirmed is refused.
     */
    public ResultWithEvents<EventRegistrations, RegistrationChange> configure(Instant newDeadline,
            Map<UUID, Integer> capacities, Offer offer) {
        Map<UUID, Integer> checked = new LinkedHashMap<>(capacities == null ? Map.of() : capacities);
        for (UUID session : checked.keySet()) {
            if (!offer.sessionIds().contains(session)) {
                throw new InvalidValueException("sessionCapacities." + session, "Session " + session
                        + " is not in the event's published agenda");
            }
            long taken = confirmedIn(session);
            if (checked.get(session) != null && checked.get(session) < taken) {
                // Nobody loses a confirmed place to a smaller room: they cancel first, or the room stays larger.
                throw new InvalidValueException("sessionCapacities." + session, taken + " registrations are "
                        + "confirmed for session " + session + ": its capacity is at least " + taken);
            }
        }
        EventRegistrations next = new EventRegistrations(cooperationEventId,
                newDeadline == null ? null : Require.instant("registrationDeadline", newDeadline), checked,
                offer.partnershipIds(), registrations, nextSequence, eventVersionSeen);
        return next.fillPlaces(offer, new ArrayList<>());
    }

    /**
     * The event was cancelled or postponed (its version {@code eventVersion}): every registration not cancelled is
     * told once. A notice of a version already told is stale and changes nothing.
     */
    public ResultWithEvents<EventRegistrations, RegistrationChange> eventChanged(
            RegistrationChange.EventChangeReason reason, long eventVersion) {
        if (eventVersion <= eventVersionSeen) {
            return ResultWithEvents.of(this);
        }
        List<RegistrationChange> changes = registrations.stream()
                .filter(r -> r.status() != RegistrationStatus.CANCELLED)
                .<RegistrationChange>map(r -> new RegistrationChange.Affected(r, reason)).toList();
        return new ResultWithEvents<>(new EventRegistrations(cooperationEventId, deadline, sessionCapacities,
                partnershipIds, registrations, nextSequence, eventVersion), changes);
    }

    public Optional<Registration> find(UUID registrationId) {
        return registrations.stream().filter(r -> r.id().equals(registrationId)).findFirst();
    }

    public Optional<Registration> ofParticipant(String participant) {
        return registrations.stream().filter(r -> r.participant().equals(participant)).findFirst();
    }

    /** 1 for the first in line; empty when it is not waitlisted. */
    public Optional<Integer> waitlistPosition(Registration r) {
        if (r.status() != RegistrationStatus.WAITLISTED) {
            return Optional.empty();
        }
        return Optional.of(1 + (int) registrations.stream()
                .filter(o -> o.status() == RegistrationStatus.WAITLISTED && o.sequence() < r.sequence()).count());
    }

    /**
     * Waitlisted registrations that a free place would fit now. After every command this is 0 (the command fills
     * places); anything else means places are free while people wait (e.g. the event's capacity was raised and no
     * command has run since).
     */
    public long promotable(Offer offer) {
        if (!offer.fillsPlaces()) {
            return 0;
        }
        return registrations.stream().filter(r -> r.status() == RegistrationStatus.WAITLISTED)
                .filter(r -> fits(r, offer.capacity(), sessionCapacities, registrations)).count();
    }

    public long count(RegistrationStatus status) {
        return registrations.stream().filter(r -> r.status() == status).count();
    }

    /** Confirmed registrations that attend {@code session}. */
    public long confirmedIn(UUID session) {
        return confirmedIn(session, registrations);
    }

    private Registration get(UUID registrationId) {
        return find(registrationId).orElseThrow(() -> new IllegalArgumentException("no registration "
                + registrationId + " of event " + cooperationEventId));
    }

    private EventRegistrations replace(Registration changed, List<UUID> partnerships) {
        List<Registration> all = new ArrayList<>(registrations.size());
        for (Registration r : registrations) {
            all.add(r.id().equals(changed.id()) ? changed : r);
        }
        return new EventRegistrations(cooperationEventId, deadline, sessionCapacities, partnerships, all,
                nextSequence, eventVersionSeen);
    }

    /** Gives every free place to the waitlist, in arrival order, each to the first registration that fits. */
    private ResultWithEvents<EventRegistrations, RegistrationChange> fillPlaces(Offer offer,
            List<RegistrationChange> changes) {
        if (!offer.fillsPlaces()) {
            return new ResultWithEvents<>(this, changes);
        }
        List<Registration> all = new ArrayList<>(registrations);
        List<Registration> waiting = all.stream().filter(r -> r.status() == RegistrationStatus.WAITLISTED)
                .sorted(Comparator.comparingLong(Registration::sequence)).toList();
        Map<UUID, Registration> promoted = new HashMap<>();
        int stillWaitingAhead = 0;
        for (Registration w : waiting) {
            if (fits(w, offer.capacity(), sessionCapacities, all)) {
                Registration confirmed = w.with(RegistrationStatus.CONFIRMED);
                all.set(all.indexOf(w), confirmed);
                promoted.put(confirmed.id(), confirmed);
                changes.add(new RegistrationChange.Promoted(confirmed, stillWaitingAhead + 1));
            } else {
                stillWaitingAhead++;
            }
        }
        if (promoted.isEmpty()) {
            return new ResultWithEvents<>(this, changes);
        }
        return new ResultWithEvents<>(new EventRegistrations(cooperationEventId, deadline, sessionCapacities,
                partnershipIds, all, nextSequence, eventVersionSeen), changes);
    }

    private static boolean fits(Registration r, Integer capacity, Map<UUID, Integer> sessionCapacities,
            List<Registration> all) {
        long confirmed = all.stream().filter(Registration::holdsPlace).count();
        if (capacity != null && confirmed >= capacity) {
            return false;
        }
        for (UUID session : r.sessionIds()) {
            Integer places = sessionCapacities.get(session);
            if (places != null && confirmedIn(session, all) >= places) {
                return false;
            }
        }
        return true;
    }

    private static long confirmedIn(UUID session, List<Registration> all) {
        return all.stream().filter(r -> r.holdsPlace() && r.sessionIds().contains(session)).count();
    }
}
