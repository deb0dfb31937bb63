package org.urbancooperation.matching.schedule.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed for whom between two releases of a schedule: a meeting added, moved (another slot or table), or
 * cancelled. The next release carries these, so each participant learns only what changed for it.
 *
 * @param before the meeting in the earlier release, null when added
 * @param after the meeting in the later release, null when cancelled
 */
public record ScheduleChange(Kind kind, String matchId, PlacedMeeting before, PlacedMeeting after) {

    public enum Kind {
        ADDED,
        MOVED,
        CANCELLED
    }

    /** Both participants of the meeting, the one who lost it included. */
    public Set<String> affected() {
        PlacedMeeting meeting = after != null ? after : before;
        return new TreeSet<>(List.of(meeting.participantA(), meeting.participantB()));
    }

    /** The changes from {@code earlier} to {@code later}, by match id; unchanged meetings are not listed. */
    public static List<ScheduleChange> between(List<PlacedMeeting> earlier, List<PlacedMeeting> later) {
        Map<String, PlacedMeeting> was = new HashMap<>();
        earlier.forEach(m -> was.put(m.matchId(), m));
        Map<String, PlacedMeeting> is = new HashMap<>();
        later.forEach(m -> is.put(m.matchId(), m));
        List<ScheduleChange> changes = new ArrayList<>();
        for (PlacedMeeting meeting : later) {
            PlacedMeeting before = was.get(meeting.matchId());
            if (before == null) {
                changes.add(new ScheduleChange(Kind.ADDED, meeting.matchId(), null, meeting));
            } else if (before.slot() != meeting.slot() || before.table() != meeting.table()) {
                changes.add(new ScheduleChange(Kind.MOVED, meeting.matchId(), before, meeting));
            }
        }
        for (PlacedMeeting meeting : earlier) {
            if (!is.containsKey(meeting.matchId())) {
                changes.add(new ScheduleChange(Kind.CANCELLED, meeting.matchId(), meeting, null));
            }
        }
        changes.sort(Comparator.comparing(ScheduleChange::matchId));
        return List.copyOf(changes);
    }

    /** For each participant, the changes that concern it. */
    public static Map<String, List<ScheduleChange>> byParticipant(List<ScheduleChange> changes) {
        Map<String, List<ScheduleChange>> byParticipant = new java.util.TreeMap<>();
        for (ScheduleChange change : changes) {
            for (String participant : change.affected()) {
                byParticipant.computeIfAbsent(participant, p -> new ArrayList<>()).add(change);
            }
        }
        return byParticipant;
    }
}
