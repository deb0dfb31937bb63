package org.urbancooperation.matching.meeting.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.matching.meeting.domain.Meeting;
import org.urbancooperation.matching.meeting.domain.MeetingChange;
import org.urbancooperation.matching.meeting.domain.MeetingStatus;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.AccessDeniedException;
import org.urbancooperation.support.security.Caller;

/**
 * The B2B meetings releases created: a business sees and checks in to its own (another's is 404), partner staff see
 * those of their partnerships' matching events and record outcomes there, operators everything. A meeting both sides
 * checked in to is held at once (MeetingHeld); the organiser records HELD (nobody used the check-in) or NO_SHOW; a
 * meeting still SCHEDULED {@code closeAfter} after its slot (and not a week more) is closed by the service: held if both checked in (already
 * so), else a no-show naming who was missing (MeetingNoShow). The organiser may still record it as held afterwards.
 */
public class MeetingService {

    private static final String RESOURCE = "Meeting";
    private static final int SWEEP_BATCH = 200;
    /**
     * The service closes only meetings whose slot ended within this long before closeAfter: a schedule released after
     * the fact (an event of the past entered for the record, like the seed's of 2020) records no no-shows.
     */
    static final Duration CLOSING_HORIZON = Duration.ofDays(7);

    private final MeetingRepository meetings;
    private final MeetingDirectory directory;
    private final MeetingGauges gauges;
    private final Clock clock;
    private final Duration closeAfter;

    public MeetingService(MeetingRepository meetings, MeetingDirectory directory, MeetingGauges gauges, Clock clock,
            Duration closeAfter) {
        this.meetings = meetings;
        this.directory = directory;
        this.gauges = gauges;
        this.clock = clock;
        this.closeAfter = closeAfter;
    }

    public Versioned<Meeting> get(Caller caller, UUID id) {
        Versioned<Meeting> found = find(id);
        requireReader(caller, found.aggregate());
        return found;
    }

    public Page<Versioned<Meeting>> list(Caller caller, UUID matchingEventId, MeetingStatus status,
            PageRequest request) {
        Access.requireAuthenticated(caller);
        if (caller.isOperator()) {
            return meetings.page(new MeetingFilter(null, null, matchingEventId, status), request);
        }
        if (caller.is(Role.BUSINESS) && caller.businessId().isPresent()) {
            return meetings.page(new MeetingFilter(caller.businessId().get(), null, matchingEventId, status),
                    request);
        }
        if (caller.is(Role.PARTNER) && caller.organisationId().isPresent()) {
            return meetings.page(new MeetingFilter(null,
                    directory.partnershipsOrganisedBy(caller.organisationId().get()), matchingEventId, status),
                    request);
        }
        throw new AccessDeniedException("Only operators, partner staff and businesses list meetings");
    }

    /** A participant says it is there; the second check-in makes the meeting held. */
    public Versioned<Meeting> checkIn(Caller caller, UUID id, ExpectedVersion expected) {
        Access.requireRole(caller, Role.BUSINESS);
        Versioned<Meeting> current = find(id);
        String business = caller.businessId().orElseThrow();
        if (!current.aggregate().isParticipant(business)) {
            throw new NotFoundException(RESOURCE, id);
        }
        return change(current, expected, m -> m.checkIn(business, clock.instant()));
    }

    /** The organiser records what happened: HELD, or NO_SHOW once the slot is over. */
    public Versioned<Meeting> recordOutcome(Caller caller, UUID id, String outcome, ExpectedVersion expected) {
        Access.requireAuthenticated(caller);
        Versioned<Meeting> current = find(id);
        Meeting meeting = current.aggregate();
        if (caller.is(Role.BUSINESS)) {
            requireReader(caller, meeting);
        }
        Access.requireOperatorOrMemberOf(caller, directory.organisersOf(meeting.partnershipId()),
                "Meeting " + id);
        MeetingStatus status = outcome(outcome);
        return change(current, expected, m -> status == MeetingStatus.HELD ? m.recordHeld() : m.close(clock.instant()));
    }

    /** Closes the meetings whose slot ended more than closeAfter ago; the number closed. */
    public int closeEnded() {
        Instant now = clock.instant();
        int closed = 0;
        Instant endedBefore = now.minus(closeAfter);
        for (Versioned<Meeting> meeting : meetings.scheduledEndedBetween(endedBefore.minus(CLOSING_HORIZON),
                endedBefore, SWEEP_BATCH)) {
            try {
                change(meeting, ExpectedVersion.any(), m -> m.close(now));
                closed++;
            } catch (ConcurrentModificationConflict e) {
                // Changed meanwhile (a late check-in, the organiser): the next sweep sees it as it is now.
            }
        }
        return closed;
    }

    private static MeetingStatus outcome(String outcome) {
        if ("HELD".equals(outcome)) {
            return MeetingStatus.HELD;
        }
        if ("NO_SHOW".equals(outcome)) {
            return MeetingStatus.NO_SHOW;
        }
        throw new InvalidValueException("status", "status is HELD or NO_SHOW");
    }

    private Versioned<Meeting> change(Versioned<Meeting> current, ExpectedVersion expected,
            Function<Meeting, ResultWithEvents<Meeting, MeetingChange>> command) {
        expected.check(RESOURCE + " " + current.aggregate().id(), current.version());
        ResultWithEvents<Meeting, MeetingChange> changed = command.apply(current.aggregate());
        if (changed.aggregate().equals(current.aggregate())) {
            return current;
        }
        Versioned<Meeting> stored = meetings.update(changed, current.version(), expected,
                new MeetingEventFacts(null, null, clock.instant()));
        gauges.refreshSoon();
        return stored;
    }

    private Versioned<Meeting> find(UUID id) {
        return meetings.find(id).orElseThrow(() -> new NotFoundException(RESOURCE, id));
    }

    /** Operators, the two businesses, partner staff of the organising partnership; to other businesses it is 404. */
    private void requireReader(Caller caller, Meeting meeting) {
        Access.requireAuthenticated(caller);
        if (caller.isOperator()) {
            return;
        }
        if (caller.is(Role.BUSINESS)) {
            if (caller.businessId().filter(meeting::isParticipant).isEmpty()) {
                throw new NotFoundException(RESOURCE, meeting.id());
            }
            return;
        }
        Access.requireOperatorOrMemberOf(caller, directory.organisersOf(meeting.partnershipId()),
                "Meeting " + meeting.id());
    }

    /** The zone day shifts count from: the matching event's, UTC for an event without one. */
    public java.time.ZoneId referenceZone(Meeting meeting) {
        return directory.zoneOfMatchingEvent(meeting.matchingEventId()).orElse(java.time.ZoneOffset.UTC);
    }

    /** Zones to show a meeting's times in when the reader names none: each participant's own. */
    public List<java.time.ZoneId> participantZones(Meeting meeting) {
        return java.util.stream.Stream.of(meeting.participantA(), meeting.participantB())
                .map(directory::zoneOf).flatMap(java.util.Optional::stream).distinct().toList();
    }
}
