package org.urbancooperation.matching.schedule.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.matching.match.domain.Match;
import org.urbancooperation.matching.matchingevent.domain.Availability;
import org.urbancooperation.matching.matchingevent.domain.MatchingEvent;
import org.urbancooperation.matching.matchingevent.domain.MeetingBlock;
import org.urbancooperation.matching.matchingevent.domain.MeetingConstraints;
import org.urbancooperation.matching.matchingevent.domain.Participant;
import org.urbancooperation.matching.meeting.domain.Meeting;
import org.urbancooperation.matching.meeting.domain.MeetingChange;
import org.urbancooperation.matching.meeting.domain.MeetingStatus;
import org.urbancooperation.matching.schedule.domain.BusinessHours;
import org.urbancooperation.matching.schedule.domain.MatchToPlace;
import org.urbancooperation.matching.schedule.domain.MeetingScheduler;
import org.urbancooperation.matching.schedule.domain.ScheduleRelease;
import org.urbancooperation.matching.schedule.domain.ScheduleResult;
import org.urbancooperation.matching.schedule.domain.SchedulingParticipant;
import org.urbancooperation.matching.schedule.domain.SchedulingSlot;
import org.urbancooperation.matching.schedule.domain.UnplacedMatch;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.AccessDeniedException;
import org.urbancooperation.support.security.Caller;

/**
 * A matching event's schedule: the organisers (operators, partner staff of the partnership's organisations) preview
 * what the scheduler makes of the event's CONFIRMED matches between its participants, then release it as version 1,
 * 2, ... Each release starts from the previous one (only what must move moves) and brings the meetings in line with
 * it: a new meeting is scheduled, a moved one rescheduled, one no release places any more cancelled, each meeting in
 * one write with its event. Businesses see only released schedules, and of them only their own meetings.
 *
 * <p>The release document is written first and is the schedule's version (its number, unique per event, decides a
 * race); the meetings follow. Were the service to stop between the two, the next release brings every meeting in line
 * with itself, since it compares each stored meeting with where the release puts it rather than replaying a diff.
 */
public class ScheduleService {

    private static final String RESOURCE = "Schedule of matching event ";
    /** A meeting changed by a check-in while a release moved it is read again; more than this is a real conflict. */
    private static final int MEETING_WRITE_ATTEMPTS = 3;

    private final SchedulingInputs inputs;
    private final ScheduleReleaseRepository releases;
    private final ScheduledMeetings meetings;
    private final ScheduleMetrics metrics;
    private final Clock clock;

    public ScheduleService(SchedulingInputs inputs, ScheduleReleaseRepository releases, ScheduledMeetings meetings,
            ScheduleMetrics metrics, Clock clock) {
        this.inputs = inputs;
        this.releases = releases;
        this.meetings = meetings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * What a release would be now, unstored.
     *
     * @param release numbered as the next release would be
     * @param version the schedule's version it is based on: the number of the latest release, 0 before the first
     */
    public record Plan(ScheduleRelease release, int version) {
    }

    public Plan preview(Caller caller, UUID matchingEventId) {
        MatchingEvent event = organised(caller, matchingEventId);
        Optional<ScheduleRelease> latest = releases.latest(matchingEventId);
        return new Plan(plan(event, latest.orElse(null)), latest.map(ScheduleRelease::number).orElse(0));
    }

    /**
     * Stores the next release and brings the event's meetings in line with it.
     *
     * @param expected the schedule version (latest release number, 0 for none) the organiser previewed
     */
    public ScheduleRelease release(Caller caller, UUID matchingEventId, ExpectedVersion expected) {
        MatchingEvent event = organised(caller, matchingEventId);
        ScheduleRelease previous = releases.latest(matchingEventId).orElse(null);
        expected.check(RESOURCE + matchingEventId, previous == null ? 0 : previous.number());
        ScheduleRelease release = plan(event, previous);
        try {
            releases.insert(release);
        } catch (ConcurrentModificationConflict e) {
            throw new ConcurrentModificationConflict(RESOURCE + matchingEventId + " was released as version "
                    + release.number() + " by someone else meanwhile; preview again", expected.isGiven());
        }
        bringMeetingsInLine(event, release);
        metrics.released(release);
        return release;
    }

    /** The event's releases by number; a business sees only its own meetings in them. */
    public Page<ScheduleRelease> releases(Caller caller, UUID matchingEventId, PageRequest request) {
        Optional<String> onlyOf = reader(caller, matchingEventId);
        Page<ScheduleRelease> page = releases.page(matchingEventId, request);
        return new Page<>(page.items().stream().map(r -> onlyOf.map(r::seenBy).orElse(r)).toList(), page.next());
    }

    public ScheduleRelease release(Caller caller, UUID matchingEventId, int number) {
        Optional<String> onlyOf = reader(caller, matchingEventId);
        ScheduleRelease release = releases.find(matchingEventId, number)
                .orElseThrow(() -> new NotFoundException("Schedule release", number));
        return onlyOf.map(release::seenBy).orElse(release);
    }

    /** The number of the event's latest release, 0 before the first: the schedule's version (its ETag). */
    public int version(UUID matchingEventId) {
        return releases.latest(matchingEventId).map(ScheduleRelease::number).orElse(0);
    }

    private ScheduleRelease plan(MatchingEvent event, ScheduleRelease previous) {
        List<Participant> taking = inputs.participantsOf(event.id()).stream().filter(p -> !p.withdrawn()).toList();
        // A block without a table limit (every event of before blocks): as many as meetings can take place at once.
        int unlimited = Math.max(1, taking.size() / 2);
        List<SchedulingSlot> slots = new ArrayList<>();
        for (MeetingBlock block : event.meetingBlocks()) {
            int tables = block.tables() == null ? unlimited : block.tables();
            for (Instant[] times : block.slotTimes()) {
                slots.add(new SchedulingSlot(slots.size(), times[0], times[1], tables, block.interpreters()));
            }
        }
        Map<String, SchedulingInputs.ProfileFacts> profiles = inputs.profilesOf(
                taking.stream().map(Participant::businessId).toList());
        List<SchedulingParticipant> participants = taking.stream()
                .map(p -> participant(p, slots, Optional.ofNullable(profiles.get(p.businessId())))).toList();
        List<MatchToPlace> matches = inputs.confirmedMatchesOf(event.id()).stream().map(ScheduleService::toPlace)
                .toList();
        ScheduleResult result = MeetingScheduler.reschedule(slots, participants, matches,
                previous == null ? List.of() : previous.placementsIn(slots));
        return ScheduleRelease.next(event.id(), previous, result, slots, clock.instant()).aggregate();
    }

    /**
     * What the scheduler needs of a participant: the slots inside its availability, its cap, and its constraints, each
     * defaulting to its profile's (languages, zone) where it declared none.
     */
    private static SchedulingParticipant participant(Participant p, List<SchedulingSlot> slots,
            Optional<SchedulingInputs.ProfileFacts> profile) {
        Set<Integer> free = new HashSet<>();
        for (SchedulingSlot slot : slots) {
            for (Availability span : p.availability()) {
                if (!slot.startsAt().isBefore(span.startsAt()) && !slot.endsAt().isAfter(span.endsAt())) {
                    free.add(slot.index());
                    break;
                }
            }
        }
        MeetingConstraints c = p.constraints();
        Set<String> languages = c.languages() != null ? Set.copyOf(c.languages())
                : profile.map(f -> Set.copyOf(f.languages())).orElse(Set.of());
        BusinessHours hours = null;
        if (c.hasBusinessHours()) {
            // A profile always has a zone; UTC only for a participant whose profile was removed meanwhile.
            ZoneId zone = c.timeZone() != null ? c.timeZone()
                    : profile.map(f -> ZoneId.of(f.timeZone())).orElse(ZoneOffset.UTC);
            hours = new BusinessHours(zone, c.hoursFrom(), c.hoursTo());
        }
        return new SchedulingParticipant(p.businessId(), free, p.maxMeetings(), languages, hours,
                c.onlyInsideBusinessHours());
    }

    private static MatchToPlace toPlace(Match match) {
        return new MatchToPlace(match.id().toString(), match.first().businessId(), match.second().businessId(),
                match.schedulingPriority());
    }

    /** The virtual room of an online event's meeting: its block's link with the meeting's table as room number. */
    private static String roomLink(MatchingEvent event, ScheduleRelease.ReleasedMeeting m) {
        return event.meetingBlocks().stream().filter(b -> b.holds(m.startsAt(), m.endsAt())).findFirst()
                .map(b -> b.roomLinkFor(m.table())).orElse(null);
    }

    private void bringMeetingsInLine(MatchingEvent event, ScheduleRelease release) {
        Map<String, Versioned<Meeting>> stored = new HashMap<>();
        meetings.ofMatchingEvent(event.id()).forEach(m -> stored.put(m.aggregate().matchId(), m));
        Set<String> placed = new HashSet<>();
        for (ScheduleRelease.ReleasedMeeting m : release.meetings()) {
            placed.add(m.matchId());
            Meeting.Placement at = new Meeting.Placement(m.slot(), m.startsAt(), m.endsAt(), m.table(),
                    roomLink(event, m), m.interpreter());
            Versioned<Meeting> existing = stored.get(m.matchId());
            if (existing == null) {
                meetings.insert(Meeting.schedule(event.id(), event.partnershipId(), m.matchId(), m.participantA(),
                        m.participantB(), at), event.title(), zoneOf(event));
            } else {
                change(event, existing, meeting -> switch (meeting.status()) {
                    case SCHEDULED -> meeting.reschedule(at);
                    case CANCELLED -> meeting.reinstate(at);
                    // Held or missed: what happened stays.
                    default -> ResultWithEvents.of(meeting);
                });
            }
        }
        Map<String, UnplacedMatch.Reason> unplaced = new HashMap<>();
        release.unplaced().forEach(u -> unplaced.put(u.matchId(), u.reason()));
        for (Versioned<Meeting> existing : stored.values()) {
            String matchId = existing.aggregate().matchId();
            if (placed.contains(matchId)) {
                continue;
            }
            String reason = unplaced.containsKey(matchId)
                    ? "release " + release.number() + " could not place it: " + unplaced.get(matchId)
                    : "its match is no longer confirmed at this matching event";
            change(event, existing, meeting -> meeting.status() == MeetingStatus.SCHEDULED ? meeting.cancel(reason)
                    : ResultWithEvents.of(meeting));
        }
    }

    private void change(MatchingEvent event, Versioned<Meeting> read,
            java.util.function.Function<Meeting, ResultWithEvents<Meeting, MeetingChange>> command) {
        Versioned<Meeting> current = read;
        for (int attempt = 1; ; attempt++) {
            ResultWithEvents<Meeting, MeetingChange> changed = command.apply(current.aggregate());
            if (changed.aggregate().equals(current.aggregate())) {
                return;
            }
            try {
                meetings.update(changed, current.version(), event.title(), zoneOf(event));
                return;
            } catch (ConcurrentModificationConflict e) {
                if (attempt == MEETING_WRITE_ATTEMPTS) {
                    throw e;
                }
                current = meetings.get(current.aggregate().id());
            }
        }
    }

    private static String zoneOf(MatchingEvent event) {
        return event.timeZone() == null ? null : event.timeZone().getId();
    }

    private MatchingEvent event(UUID id) {
        return inputs.matchingEvent(id).orElseThrow(() -> new NotFoundException("Matching event", id));
    }

    /** Operators and partner staff of the partnership's organisations organise the event's schedule. */
    private MatchingEvent organised(Caller caller, UUID matchingEventId) {
        Access.requireAuthenticated(caller);
        MatchingEvent event = event(matchingEventId);
        Access.requireOperatorOrMemberOf(caller, inputs.organisersOf(event.partnershipId()),
                "Matching event " + matchingEventId);
        return event;
    }

    /** Empty for organisers, who read everything; a participating business for itself; anybody else is refused. */
    private Optional<String> reader(Caller caller, UUID matchingEventId) {
        Access.requireAuthenticated(caller);
        MatchingEvent event = event(matchingEventId);
        if (caller.isOperator() || caller.is(Role.PARTNER) && caller.organisationId()
                .filter(inputs.organisersOf(event.partnershipId())::contains).isPresent()) {
            return Optional.empty();
        }
        Optional<String> business = caller.businessId();
        if (business.isPresent() && inputs.takesPart(matchingEventId, business.get())) {
            return business;
        }
        throw new AccessDeniedException("Matching event " + matchingEventId + " belongs to other organisations");
    }
}
