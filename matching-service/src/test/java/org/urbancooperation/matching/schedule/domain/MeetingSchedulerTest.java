package org.urbancooperation.matching.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.urbancooperation.matching.shared.domain.InterpreterPair;

class MeetingSchedulerTest {

    static final ZoneId ESSEN = ZoneId.of("Europe/Berlin");
    static final ZoneId KORIYAMA = ZoneId.of("Asia/Tokyo");

    /** Half-hour slots from 06:00 to 11:00 UTC on one day: 10 slots. */
    static List<SchedulingSlot> morningSlots(String day, int tables, Map<InterpreterPair, Integer> interpreters) {
        List<SchedulingSlot> slots = new ArrayList<>();
        Instant first = Instant.parse(day + "T06:00:00Z");
        for (int s = 0; s < 10; s++) {
            Instant start = first.plus(Duration.ofMinutes(30L * s));
            slots.add(new SchedulingSlot(s, start, start.plus(Duration.ofMinutes(30)), tables, interpreters));
        }
        return slots;
    }

    static SchedulingParticipant essen(String id, boolean onlyInside) {
        return new SchedulingParticipant(id, null, 5, Set.of("de", "en"),
                new BusinessHours(ESSEN, LocalTime.of(9, 0), LocalTime.of(11, 0)), onlyInside);
    }

    static SchedulingParticipant koriyama(String id, boolean onlyInside) {
        return new SchedulingParticipant(id, null, 5, Set.of("ja", "en"),
                new BusinessHours(KORIYAMA, LocalTime.of(16, 0), LocalTime.of(19, 0)), onlyInside);
    }

    @Test
    void essenMorningMeetsKoriyamaEveningOnEitherSideOfEuropesClockChange() {
        // Winter (CET, UTC+1): Essen 09:00-11:00 is 08:00-10:00 UTC; Koriyama 16:00-19:00 JST is 07:00-10:00 UTC.
        ScheduleResult winter = MeetingScheduler.schedule(morningSlots("2026-03-27", 5, Map.of()),
                List.of(essen("clinic-essen", false), koriyama("robots-koriyama", false)),
                List.of(new MatchToPlace("m1", "clinic-essen", "robots-koriyama", 0)));
        assertThat(winter.meetings()).singleElement().satisfies(m -> assertThat(m.slot()).isEqualTo(4)); // 08:00 UTC
        // Summer (CEST, UTC+2), two days later: Essen 09:00-11:00 is 07:00-09:00 UTC; Japan does not change.
        ScheduleResult summer = MeetingScheduler.schedule(morningSlots("2026-03-30", 5, Map.of()),
                List.of(essen("clinic-essen", false), koriyama("robots-koriyama", false)),
                List.of(new MatchToPlace("m1", "clinic-essen", "robots-koriyama", 0)));
        assertThat(summer.meetings()).singleElement().satisfies(m -> assertThat(m.slot()).isEqualTo(2)); // 07:00 UTC
        assertThat(summer.statistics().meetingsInsideBothHours()).isEqualTo(1);
        assertThat(summer.statistics().meetingsWithBothHours()).isEqualTo(1);
    }

    @Test
    void onlyInsideMyHoursIsAHardRuleAndSaysWhyWhenNothingFits() {
        // Koriyama only 16:00-19:00 JST = 07:00-10:00 UTC, but the slots run 11:00-16:00 UTC.
        List<SchedulingSlot> afternoon = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            Instant start = Instant.parse("2026-03-30T11:00:00Z").plus(Duration.ofMinutes(30L * s));
            afternoon.add(new SchedulingSlot(s, start, start.plus(Duration.ofMinutes(30)), 5, Map.of()));
        }
        ScheduleResult result = MeetingScheduler.schedule(afternoon,
                List.of(essen("clinic-essen", false), koriyama("robots-koriyama", true)),
                List.of(new MatchToPlace("m1", "clinic-essen", "robots-koriyama", 0)));
        assertThat(result.meetings()).isEmpty();
        assertThat(result.unplaced()).containsExactly(
                new UnplacedMatch("m1", UnplacedMatch.Reason.NO_COMMON_AVAILABILITY));
    }

    @Test
    void twoWithoutACommonLanguageGetAnInterpreterAndWaitWhenAllAreTaken() {
        SchedulingParticipant german = SchedulingParticipant.alwaysFree("stadtwerke-essen", 5, Set.of("de"));
        SchedulingParticipant japanese = SchedulingParticipant.alwaysFree("frea-koriyama", 5, Set.of("ja"));
        SchedulingParticipant japanese2 = SchedulingParticipant.alwaysFree("hydrogen-koriyama", 5, Set.of("ja"));
        List<SchedulingSlot> oneInterpreterInTheFirstSlotOnly = List.of(
                new SchedulingSlot(0, Instant.parse("2026-10-28T00:00:00Z"), Instant.parse("2026-10-28T00:30:00Z"), 5,
                        Map.of(InterpreterPair.of("ja", "de"), 1)),
                new SchedulingSlot(1, Instant.parse("2026-10-28T00:30:00Z"), Instant.parse("2026-10-28T01:00:00Z"), 5,
                        Map.of()));
        ScheduleResult result = MeetingScheduler.schedule(oneInterpreterInTheFirstSlotOnly,
                List.of(german, japanese, japanese2),
                List.of(new MatchToPlace("a", "stadtwerke-essen", "frea-koriyama", 1),
                        new MatchToPlace("b", "stadtwerke-essen", "hydrogen-koriyama", 0)));
        assertThat(result.meetings()).singleElement().satisfies(m -> {
            assertThat(m.matchId()).isEqualTo("a"); // the higher priority
            assertThat(m.interpreter()).isEqualTo(InterpreterPair.of("de", "ja"));
        });
        assertThat(result.unplaced()).containsExactly(new UnplacedMatch("b", UnplacedMatch.Reason.NO_FREE_SLOT));
        assertThat(result.statistics().interpreterUtilisation()).isEqualTo(1.0);
    }

    @Test
    void eachUnplacedMatchSaysWhatStoodInItsWay() {
        List<SchedulingSlot> oneTable = List.of(new SchedulingSlot(0, Instant.parse("2026-10-28T00:00:00Z"),
                Instant.parse("2026-10-28T00:30:00Z"), 1, Map.of()));
        List<SchedulingParticipant> people = List.of(SchedulingParticipant.alwaysFree("a", 1, Set.of("en")),
                SchedulingParticipant.alwaysFree("b", 1, Set.of("en")),
                SchedulingParticipant.alwaysFree("c", 1, Set.of("en")),
                SchedulingParticipant.alwaysFree("d", 1, Set.of("en")),
                SchedulingParticipant.alwaysFree("mute", 0, Set.of("en")),
                SchedulingParticipant.alwaysFree("de-only", 1, Set.of("de")),
                SchedulingParticipant.alwaysFree("ja-only", 1, Set.of("ja")));
        ScheduleResult result = MeetingScheduler.schedule(oneTable, people,
                List.of(new MatchToPlace("1", "a", "b", 9), new MatchToPlace("2", "c", "d", 8),
                        new MatchToPlace("3", "a", "mute", 7), new MatchToPlace("4", "de-only", "ja-only", 6),
                        new MatchToPlace("5", "a", "nobody", 5), new MatchToPlace("6", "b", "c", 4)));
        assertThat(result.meetings()).extracting(PlacedMeeting::matchId).containsExactly("1");
        assertThat(result.unplaced()).containsExactly(new UnplacedMatch("2", UnplacedMatch.Reason.NO_TABLE),
                new UnplacedMatch("3", UnplacedMatch.Reason.MEETING_CAP_REACHED),
                new UnplacedMatch("4", UnplacedMatch.Reason.NO_INTERPRETER),
                new UnplacedMatch("5", UnplacedMatch.Reason.UNKNOWN_PARTICIPANT),
                new UnplacedMatch("6", UnplacedMatch.Reason.MEETING_CAP_REACHED));
    }

    @Test
    void aSwapAlongAnAlternatingPathFindsTheSlotThatGreedyPlacementMissed() {
        // Taken in priority order, w1-z gets slot 0, u-w1 slot 1, v-y slot 0; then u is free only in slot 0 and v only in
        // slot 1. König says two slots are enough (nobody has more than two meetings): swapping slots 0 and 1 along
        // v's path (v-y) frees slot 0 for both.
        List<SchedulingSlot> twoSlots = List.of(
                new SchedulingSlot(0, Instant.parse("2026-10-28T00:00:00Z"), Instant.parse("2026-10-28T00:30:00Z"), 5,
                        Map.of()),
                new SchedulingSlot(1, Instant.parse("2026-10-28T00:30:00Z"), Instant.parse("2026-10-28T01:00:00Z"), 5,
                        Map.of()));
        List<SchedulingParticipant> people = List.of("u", "v", "w1", "y", "z").stream()
                .map(id -> SchedulingParticipant.alwaysFree(id, 5, Set.of("en"))).toList();
        List<MatchToPlace> matches = List.of(new MatchToPlace("1", "w1", "z", 4), new MatchToPlace("2", "u", "w1", 3),
                new MatchToPlace("3", "v", "y", 2), new MatchToPlace("4", "u", "v", 1));
        ScheduleResult result = MeetingScheduler.schedule(twoSlots, people, matches);
        assertThat(result.unplaced()).isEmpty();
        assertThat(result.statistics().slotsUsed()).isEqualTo(2);
        assertThat(result.meetings()).filteredOn(m -> m.matchId().equals("3")).singleElement()
                .satisfies(m -> assertThat(m.slot()).isEqualTo(1));
        ScheduleChecks.assertValid(twoSlots, people, matches, result);
    }
}
