package org.urbancooperation.matching.meeting.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.urbancooperation.matching.shared.domain.InterpreterPair;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.domain.RuleViolationException;

/**
 * A 1:1 meeting of two participants of a matching event, for one accepted match: a slot, a table or virtual room, an
 * interpreter where the two share no language. Its id stays the same through every reschedule, so a calendar entry
 * is updated in place; {@code sequence} counts the reschedules. Immutable: commands return the new state and what
 * they raised.
 *
 * @param partnershipId the partnership whose matching event it is: its staff see it, and a meeting held counts for it
 * @param table table number, from 1, or the virtual room's number for an online event
 * @param roomLink the virtual room's link for an online event, null for tables
 * @param interpreter null when the two share a language
 * @param checkedIn the participants who checked in
 * @param statusReason why it was cancelled; null otherwise
 */
public record Meeting(UUID id, UUID matchingEventId, UUID partnershipId, String matchId, String participantA,
        String participantB,
        int slot, Instant startsAt, Instant endsAt, int table, String roomLink, InterpreterPair interpreter,
        MeetingStatus status, Set<String> checkedIn, String statusReason, int sequence) {

    /** Check-in opens this long before the slot, so people can find their table. */
    public static final Duration CHECK_IN_OPENS = Duration.ofMinutes(15);

    public Meeting {
        Require.present("id", id);
        Require.present("matchingEventId", matchingEventId);
        Require.present("partnershipId", partnershipId);
        Require.present("matchId", matchId);
        Require.present("participantA", participantA);
        Require.present("participantB", participantB);
        Require.present("startsAt", startsAt);
        Require.present("endsAt", endsAt);
        Require.present("status", status);
        checkedIn = Set.copyOf(new TreeSet<>(checkedIn == null ? Set.of() : checkedIn));
    }

    /**
     * The stable id of the meeting of one match at one matching event: the same wherever and whenever it is computed,
     * so a repeated release finds the meeting it already created.
     */
    public static UUID idOf(UUID matchingEventId, String matchId) {
        return UUID.nameUUIDFromBytes(("meeting:" + matchingEventId + ":" + matchId)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Where and when, as a release of the schedule places it. */
    public record Placement(int slot, Instant startsAt, Instant endsAt, int table, String roomLink,
            InterpreterPair interpreter) {
    }

    public static ResultWithEvents<Meeting, MeetingChange> schedule(UUID matchingEventId, UUID partnershipId,
            String matchId, String participantA, String participantB, Placement at) {
        Meeting meeting = new Meeting(idOf(matchingEventId, matchId), matchingEventId, partnershipId, matchId,
                participantA, participantB, at.slot(), at.startsAt(), at.endsAt(), at.table(), at.roomLink(),
                at.interpreter(),
                MeetingStatus.SCHEDULED, Set.of(), null, 0);
        return ResultWithEvents.of(meeting, new MeetingChange.Scheduled(meeting));
    }

    /**
     * A new release moved it. Nothing changes (and nothing is raised) when the placement is the same; a slot that is
     * only numbered anew (same times, table, room and interpreter) is recorded without an event.
     */
    public ResultWithEvents<Meeting, MeetingChange> reschedule(Placement at) {
        requireScheduled("reschedule");
        if (placement().equals(at)) {
            return ResultWithEvents.of(this);
        }
        if (startsAt.equals(at.startsAt()) && endsAt.equals(at.endsAt()) && table == at.table()
                && java.util.Objects.equals(roomLink, at.roomLink())
                && java.util.Objects.equals(interpreter, at.interpreter())) {
            // Only the slot's number changed (a block before it moved): the same meeting for everybody, no event.
            return ResultWithEvents.of(new Meeting(id, matchingEventId, partnershipId, matchId, participantA,
                    participantB, at.slot(), startsAt, endsAt, table, roomLink, interpreter, status, checkedIn,
                    statusReason, sequence));
        }
        Meeting moved = new Meeting(id, matchingEventId, partnershipId, matchId, participantA, participantB,
                at.slot(), at.startsAt(), at.endsAt(), at.table(), at.roomLink(), at.interpreter(), status, Set.of(),
                null, sequence + 1);
        return ResultWithEvents.of(moved, new MeetingChange.Rescheduled(moved));
    }

    /**
     * A release places a cancelled meeting again (its match is confirmed again, a participant that dropped out is
     * back): scheduled at the new placement under the same id, with a higher sequence, so a calendar entry that shows
     * it as cancelled is updated in place. Raised as a reschedule, which is what calendars see.
     */
    public ResultWithEvents<Meeting, MeetingChange> reinstate(Placement at) {
        if (status != MeetingStatus.CANCELLED) {
            throw new RuleViolationException("only a cancelled meeting is placed again; this one is " + status);
        }
        Meeting again = new Meeting(id, matchingEventId, partnershipId, matchId, participantA, participantB,
                at.slot(), at.startsAt(), at.endsAt(), at.table(), at.roomLink(), at.interpreter(),
                MeetingStatus.SCHEDULED, Set.of(), null, sequence + 1);
        return ResultWithEvents.of(again, new MeetingChange.Rescheduled(again));
    }

    public ResultWithEvents<Meeting, MeetingChange> cancel(String reason) {
        if (status == MeetingStatus.CANCELLED) {
            return ResultWithEvents.of(this);
        }
        requireScheduled("cancel");
        Meeting cancelled = with(MeetingStatus.CANCELLED, checkedIn,
                Require.text("reason", reason == null ? "cancelled" : reason, 500), sequence + 1);
        return ResultWithEvents.of(cancelled, new MeetingChange.Cancelled(cancelled, cancelled.statusReason()));
    }

    /**
     * A participant says it is there (at the table, or in the room). Open from {@link #CHECK_IN_OPENS} before the slot
     * to its end; once both are in, the meeting is held. Checking in twice changes nothing.
     */
    public ResultWithEvents<Meeting, MeetingChange> checkIn(String participant, Instant now) {
        if (!isParticipant(participant)) {
            throw new InvalidValueException("participant", participant + " is not a participant of this meeting");
        }
        if (checkedIn.contains(participant) && status != MeetingStatus.SCHEDULED) {
            return ResultWithEvents.of(this);
        }
        requireScheduled("check in to");
        if (now.isBefore(startsAt.minus(CHECK_IN_OPENS)) || now.isAfter(endsAt)) {
            throw new RuleViolationException("check-in is open from " + startsAt.minus(CHECK_IN_OPENS) + " to "
                    + endsAt);
        }
        Set<String> present = new TreeSet<>(checkedIn);
        if (!present.add(participant)) {
            return ResultWithEvents.of(this);
        }
        if (present.size() == 2) {
            Meeting held = with(MeetingStatus.HELD, present, null, sequence);
            return ResultWithEvents.of(held, new MeetingChange.Held(held));
        }
        return ResultWithEvents.of(with(status, present, null, sequence));
    }

    /**
     * After the slot: a meeting that both checked in to is already held; one that somebody missed is a no-show, naming
     * who. Recorded by the organiser, or by the service once the slot is over.
     */
    public ResultWithEvents<Meeting, MeetingChange> close(Instant now) {
        if (status != MeetingStatus.SCHEDULED) {
            return ResultWithEvents.of(this);
        }
        if (now.isBefore(endsAt)) {
            throw new RuleViolationException("a meeting is closed after its slot ends at " + endsAt);
        }
        Set<String> absent = new TreeSet<>(Set.of(participantA, participantB));
        absent.removeAll(checkedIn);
        Meeting missed = with(MeetingStatus.NO_SHOW, checkedIn, null, sequence);
        return ResultWithEvents.of(missed, new MeetingChange.NoShow(missed, absent));
    }

    /** The organiser records that it took place, e.g. when nobody used the check-in. */
    public ResultWithEvents<Meeting, MeetingChange> recordHeld() {
        if (status == MeetingStatus.HELD) {
            return ResultWithEvents.of(this);
        }
        if (status == MeetingStatus.CANCELLED) {
            throw new RuleViolationException("a cancelled meeting cannot be recorded as held");
        }
        Meeting held = with(MeetingStatus.HELD, checkedIn, null, sequence);
        return ResultWithEvents.of(held, new MeetingChange.Held(held));
    }

    public boolean isParticipant(String participant) {
        return participantA.equals(participant) || participantB.equals(participant);
    }

    public Placement placement() {
        return new Placement(slot, startsAt, endsAt, table, roomLink, interpreter);
    }

    private void requireScheduled(String what) {
        if (status != MeetingStatus.SCHEDULED) {
            throw new RuleViolationException("cannot " + what + " a meeting that is " + status);
        }
    }

    private Meeting with(MeetingStatus newStatus, Set<String> present, String reason, int newSequence) {
        return new Meeting(id, matchingEventId, partnershipId, matchId, participantA, participantB, slot, startsAt,
                endsAt, table, roomLink, interpreter, newStatus, present, reason, newSequence);
    }
}
