package org.urbancooperation.matching.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Releases: numbered in turn, what changed for whom, what a participant sees, previous placements in new slots. */
class ScheduleReleaseTest {

    static final UUID EVENT = UUID.fromString("5b0c1a52-8f2e-4a0e-9a51-3c7d2f1e0b11");
    static final Instant START = Instant.parse("2020-11-18T08:00:00Z");

    static List<SchedulingSlot> slots(Instant from, int count) {
        List<SchedulingSlot> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant start = from.plus(Duration.ofMinutes(30L * i));
            slots.add(new SchedulingSlot(i, start, start.plus(Duration.ofMinutes(30)), 10, Map.of()));
        }
        return slots;
    }

    static List<SchedulingParticipant> everybody(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> SchedulingParticipant.alwaysFree(id, 10, null)).toList();
    }

    @Test
    void aLaterReleaseIsNumberedOnAndSaysWhatChangedForWhom() {
        List<SchedulingSlot> slots = slots(START, 4);
        List<SchedulingParticipant> people = everybody("clinic", "hospital", "robots", "hydrogen");
        List<MatchToPlace> matches = List.of(new MatchToPlace("m1", "clinic", "robots", 0),
                new MatchToPlace("m2", "clinic", "hydrogen", 0), new MatchToPlace("m3", "hospital", "robots", 0));
        ScheduleRelease first = ScheduleRelease.next(EVENT, null, MeetingScheduler.schedule(slots, people, matches),
                slots, START).aggregate();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.id()).isEqualTo(EVENT + ":000001");
        assertThat(first.changes()).extracting(ScheduleChange::kind).containsOnly(ScheduleChange.Kind.ADDED);
        assertThat(first.meetings()).allSatisfy(m -> assertThat(m.slot()).isBetween(1, 4));

        List<MatchToPlace> withoutM1 = matches.subList(1, 3);
        ScheduleRelease second = ScheduleRelease.next(EVENT, first, MeetingScheduler.reschedule(slots, people,
                withoutM1, first.placementsIn(slots)), slots, START.plusSeconds(60)).aggregate();
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ScheduleChange.Kind.CANCELLED);
            assertThat(c.matchId()).isEqualTo("m1");
        });
        assertThat(second.moved()).isZero();
        assertThat(second.affected()).containsExactly("clinic", "robots");

        ScheduleRelease seenByHydrogen = second.seenBy("hydrogen");
        assertThat(seenByHydrogen.meetings()).extracting(ScheduleRelease.ReleasedMeeting::matchId)
                .containsExactly("m2");
        assertThat(seenByHydrogen.changes()).isEmpty();
        assertThat(second.seenBy("robots").changes()).hasSize(1);
    }

    @Test
    void previousMeetingsKeepTheirSlotByTimeWhenSlotsAreNumberedAnewAndMustMoveWhenTheirSlotIsGone() {
        List<SchedulingSlot> slots = slots(START, 4);
        List<SchedulingParticipant> people = everybody("clinic", "robots", "hydrogen");
        List<MatchToPlace> matches = List.of(new MatchToPlace("m1", "clinic", "robots", 0),
                new MatchToPlace("m2", "clinic", "hydrogen", 0));
        ScheduleRelease first = ScheduleRelease.next(EVENT, null, MeetingScheduler.schedule(slots, people, matches),
                slots, START).aggregate();

        // The organiser moves the block's start half an hour earlier: every slot of the first release still exists,
        // one place later in the list.
        List<SchedulingSlot> earlier = slots(START.minus(Duration.ofMinutes(30)), 5);
        List<PlacedMeeting> kept = first.placementsIn(earlier);
        for (PlacedMeeting placed : kept) {
            ScheduleRelease.ReleasedMeeting was = first.meetings().stream()
                    .filter(m -> m.matchId().equals(placed.matchId())).findFirst().orElseThrow();
            assertThat(earlier.get(placed.slot()).startsAt()).isEqualTo(was.startsAt());
        }
        ScheduleResult again = MeetingScheduler.reschedule(earlier, people, matches, kept);
        assertThat(again.moved()).isEmpty();

        // The block now starts an hour later: the first slot is gone, its meeting moves, the other stays.
        List<SchedulingSlot> later = slots(START.plus(Duration.ofMinutes(30)), 4);
        List<PlacedMeeting> partly = first.placementsIn(later);
        assertThat(partly).filteredOn(p -> p.slot() < 0).hasSize(1);
        ScheduleResult moved = MeetingScheduler.reschedule(later, people, matches, partly);
        assertThat(moved.meetings()).hasSize(2);
        assertThat(moved.moved()).hasSize(1);
    }
}
