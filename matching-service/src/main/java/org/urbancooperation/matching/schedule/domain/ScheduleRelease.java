package org.urbancooperation.matching.schedule.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.urbancooperation.matching.shared.domain.InterpreterPair;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;

/**
 * A numbered version of a matching event's schedule (1, 2, ...) as the organiser released it: the meetings with their
 * slots (numbered from 1, as the event numbers them) and times, the matches left out and why, the statistics, and what
 * changed for whom since the previous release. Participants see only releases; a preview is the same thing unstored.
 * Immutable: a release is never changed, the next one replaces it.
 *
 * @param changes against the previous release (every meeting ADDED for the first), by match id
 */
public record ScheduleRelease(UUID matchingEventId, int number, Instant releasedAt, List<ReleasedMeeting> meetings,
        List<UnplacedMatch> unplaced, ScheduleStatistics statistics, List<ScheduleChange> changes) {

    /**
     * One meeting of a release.
     *
     * @param slot the event's slot number, from 1
     * @param table from 1
     * @param interpreter null when the two share a language
     */
    public record ReleasedMeeting(String matchId, String participantA, String participantB, int slot, Instant startsAt,
            Instant endsAt, int table, InterpreterPair interpreter) {

        /** As the scheduler and the change list see it; the slot number stands for the slot. */
        public PlacedMeeting placed() {
            return new PlacedMeeting(matchId, participantA, participantB, slot, table, interpreter);
        }

        public boolean involves(String participant) {
            return participantA.equals(participant) || participantB.equals(participant);
        }
    }

    public ScheduleRelease {
        Require.present("matchingEventId", matchingEventId);
        if (number < 1) {
            throw new IllegalArgumentException("releases are numbered from 1");
        }
        releasedAt = Require.present("releasedAt", releasedAt).truncatedTo(ChronoUnit.MILLIS);
        meetings = List.copyOf(meetings);
        unplaced = List.copyOf(unplaced);
        Require.present("statistics", statistics);
        changes = List.copyOf(changes);
    }

    /**
     * The one id of release {@code number} of a matching event: a second release of the same number is refused. The
     * number is zero-padded so that ids sort as numbers do (an event's list pages in id order).
     */
    public static String idOf(UUID matchingEventId, int number) {
        return matchingEventId + ":" + String.format(java.util.Locale.ROOT, "%06d", number);
    }

    public String id() {
        return idOf(matchingEventId, number);
    }

    /**
     * The release after {@code previous} (null for the first) of what the scheduler gave for {@code slots}: numbered
     * one higher, with what changed against it.
     */
    public static ResultWithEvents<ScheduleRelease, Void> next(UUID matchingEventId, ScheduleRelease previous,
            ScheduleResult result, List<SchedulingSlot> slots, Instant now) {
        List<ReleasedMeeting> meetings = meetingsOf(result, slots);
        List<ScheduleChange> changes = changesBetween(previous == null ? List.of() : previous.meetings(), meetings);
        return ResultWithEvents.of(new ScheduleRelease(matchingEventId, previous == null ? 1 : previous.number() + 1,
                now, meetings, result.unplaced(), result.statistics(), changes));
    }

    /**
     * What changed from {@code earlier} to {@code later}, by match id: a meeting moved when its time or table changed,
     * not when only its slot's number did (a block before it was moved).
     */
    static List<ScheduleChange> changesBetween(List<ReleasedMeeting> earlier, List<ReleasedMeeting> later) {
        java.util.Map<String, ReleasedMeeting> was = new java.util.HashMap<>();
        earlier.forEach(m -> was.put(m.matchId(), m));
        java.util.Set<String> still = new java.util.HashSet<>();
        List<ScheduleChange> changes = new ArrayList<>();
        for (ReleasedMeeting now : later) {
            still.add(now.matchId());
            ReleasedMeeting before = was.get(now.matchId());
            if (before == null) {
                changes.add(new ScheduleChange(ScheduleChange.Kind.ADDED, now.matchId(), null, now.placed()));
            } else if (!before.startsAt().equals(now.startsAt()) || before.table() != now.table()) {
                changes.add(new ScheduleChange(ScheduleChange.Kind.MOVED, now.matchId(), before.placed(),
                        now.placed()));
            }
        }
        for (ReleasedMeeting before : earlier) {
            if (!still.contains(before.matchId())) {
                changes.add(new ScheduleChange(ScheduleChange.Kind.CANCELLED, before.matchId(), before.placed(), null));
            }
        }
        changes.sort(Comparator.comparing(ScheduleChange::matchId));
        return changes;
    }

    /** The scheduler's meetings with the event's slot numbers (index + 1) and times. */
    public static List<ReleasedMeeting> meetingsOf(ScheduleResult result, List<SchedulingSlot> slots) {
        List<ReleasedMeeting> meetings = new ArrayList<>();
        for (PlacedMeeting m : result.meetings()) {
            SchedulingSlot slot = slots.get(m.slot());
            meetings.add(new ReleasedMeeting(m.matchId(), m.participantA(), m.participantB(), m.slot() + 1,
                    slot.startsAt(), slot.endsAt(), m.table(), m.interpreter()));
        }
        meetings.sort(Comparator.comparingInt(ReleasedMeeting::slot).thenComparingInt(ReleasedMeeting::table)
                .thenComparing(ReleasedMeeting::matchId));
        return meetings;
    }

    /**
     * The previous release's meetings as the scheduler's previous placements in today's slots: a meeting keeps its
     * slot when a slot with the same start and end still exists (its index may have changed when blocks changed), and
     * has none (-1, so it must move) when its slot is gone.
     */
    public List<PlacedMeeting> placementsIn(List<SchedulingSlot> slots) {
        List<PlacedMeeting> placements = new ArrayList<>();
        for (ReleasedMeeting m : meetings) {
            int index = -1;
            for (SchedulingSlot slot : slots) {
                if (slot.startsAt().equals(m.startsAt()) && slot.endsAt().equals(m.endsAt())) {
                    index = slot.index();
                    break;
                }
            }
            placements.add(new PlacedMeeting(m.matchId(), m.participantA(), m.participantB(), index, m.table(),
                    m.interpreter()));
        }
        return placements;
    }

    /** Meetings moved to another slot or table since the previous release. */
    public long moved() {
        return changes.stream().filter(c -> c.kind() == ScheduleChange.Kind.MOVED).count();
    }

    /** The participants some change concerns, each once, in order. */
    public Set<String> affected() {
        Set<String> affected = new TreeSet<>();
        changes.forEach(c -> affected.addAll(c.affected()));
        return affected;
    }

    /** What {@code participant} sees of this release: its own meetings and the changes that concern it. */
    public ScheduleRelease seenBy(String participant) {
        return new ScheduleRelease(matchingEventId, number, releasedAt,
                meetings.stream().filter(m -> m.involves(participant)).toList(), List.of(), statistics,
                changes.stream().filter(c -> c.affected().contains(participant)).toList());
    }
}
