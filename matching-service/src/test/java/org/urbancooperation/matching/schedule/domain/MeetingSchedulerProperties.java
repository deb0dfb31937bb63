package org.urbancooperation.matching.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.urbancooperation.matching.shared.domain.InterpreterPair;

/**
 * The scheduler's promises over random instances: never a conflict; caps, availability, hours and interpreters always
 * respected; König's bound reached where it applies; the same schedule for the same input; and an incremental change
 * that moves no meeting that did not have to move.
 */
class MeetingSchedulerProperties {

    private static final List<String> LANGUAGES = List.of("en", "de", "ja");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Tokyo"),
            ZoneId.of("Europe/London"), ZoneId.of("America/New_York"));
    /** Around Europe's spring-forward of 2026 (29 March), so hours are checked across a DST change. */
    private static final Instant FIRST_SLOT = Instant.parse("2026-03-28T05:00:00Z");

    record Instance(List<SchedulingSlot> slots, List<SchedulingParticipant> participants, List<MatchToPlace> matches) {
    }

    /** Anything goes: availability holes, caps, hours (hard or preferred), languages, scarce tables and interpreters. */
    static Instance anyInstance(long seed) {
        Random random = new Random(seed);
        int slotCount = 1 + random.nextInt(12);
        Duration slotLength = Duration.ofMinutes(30L * (1 + random.nextInt(4)));
        List<SchedulingSlot> slots = new ArrayList<>();
        for (int s = 0; s < slotCount; s++) {
            Instant start = FIRST_SLOT.plus(Duration.ofHours(7L * s));
            Map<InterpreterPair, Integer> interpreters = new HashMap<>();
            if (random.nextBoolean()) {
                interpreters.put(InterpreterPair.of("en", "ja"), random.nextInt(3));
            }
            if (random.nextInt(4) == 0) {
                interpreters.put(InterpreterPair.of("de", "ja"), 1);
            }
            slots.add(new SchedulingSlot(s, start, start.plus(slotLength), random.nextInt(6), interpreters));
        }
        int peopleCount = 2 + random.nextInt(25);
        List<SchedulingParticipant> people = new ArrayList<>();
        for (int p = 0; p < peopleCount; p++) {
            Set<Integer> available = null;
            if (random.nextBoolean()) {
                available = new TreeSet<>();
                for (int s = 0; s < slotCount; s++) {
                    if (random.nextInt(3) > 0) {
                        available.add(s);
                    }
                }
            }
            Set<String> languages = new TreeSet<>();
            for (String language : LANGUAGES) {
                if (random.nextInt(3) == 0) {
                    languages.add(language);
                }
            }
            BusinessHours hours = random.nextInt(3) == 0 ? null
                    : new BusinessHours(ZONES.get(random.nextInt(ZONES.size())), LocalTime.of(6 + random.nextInt(6), 0),
                            LocalTime.of(14 + random.nextInt(8), 0));
            boolean onlyInside = hours != null && random.nextInt(3) == 0;
            people.add(new SchedulingParticipant("p" + p, available, random.nextInt(slotCount + 2), languages, hours,
                    onlyInside));
        }
        List<MatchToPlace> matches = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        int wanted = random.nextInt(peopleCount * 3);
        for (int k = 0; k < wanted; k++) {
            int a = random.nextInt(peopleCount);
            int b = random.nextInt(peopleCount);
            if (a != b && pairs.add(Math.min(a, b) + "-" + Math.max(a, b))) {
                matches.add(new MatchToPlace("m" + k, "p" + a, "p" + b, random.nextInt(3)));
            }
        }
        return new Instance(slots, people, matches);
    }

    /**
     * König's setting: offers on one side, requests on the other, everyone free in every slot, no cap that binds, tables
     * for everyone, and exactly as many slots as the busiest participant has matches.
     */
    static Instance twoSidedEveryoneFree(long seed, int extraSlots) {
        Random random = new Random(seed);
        int left = 1 + random.nextInt(15);
        int right = 1 + random.nextInt(15);
        List<MatchToPlace> matches = new ArrayList<>();
        Map<String, Integer> degree = new HashMap<>();
        int k = 0;
        double density = 0.1 + random.nextDouble() * 0.8;
        for (int a = 0; a < left; a++) {
            for (int b = 0; b < right; b++) {
                if (random.nextDouble() < density) {
                    matches.add(new MatchToPlace("m" + k++, "offer" + a, "request" + b, random.nextInt(2)));
                    degree.merge("offer" + a, 1, Integer::sum);
                    degree.merge("request" + b, 1, Integer::sum);
                }
            }
        }
        int busiest = degree.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<SchedulingParticipant> people = new ArrayList<>();
        for (int a = 0; a < left; a++) {
            people.add(SchedulingParticipant.alwaysFree("offer" + a, 1000, Set.of("en")));
        }
        for (int b = 0; b < right; b++) {
            people.add(SchedulingParticipant.alwaysFree("request" + b, 1000, Set.of("en")));
        }
        List<SchedulingSlot> slots = new ArrayList<>();
        for (int s = 0; s < busiest + extraSlots; s++) {
            Instant start = FIRST_SLOT.plus(Duration.ofMinutes(30L * s));
            slots.add(new SchedulingSlot(s, start, start.plus(Duration.ofMinutes(30)), Math.min(left, right), Map.of()));
        }
        return new Instance(slots, people, matches);
    }

    @Property(tries = 400)
    void neverAConflictAndEveryRuleHolds(@ForAll long seed) {
        Instance instance = anyInstance(seed);
        ScheduleResult result = MeetingScheduler.schedule(instance.slots(), instance.participants(), instance.matches());
        ScheduleChecks.assertValid(instance.slots(), instance.participants(), instance.matches(), result);
    }

    @Property(tries = 300)
    void königsBoundIsReachedOnTwoSidedMatchesWithEveryoneFree(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 3) int extraSlots) {
        Instance instance = twoSidedEveryoneFree(seed, extraSlots);
        ScheduleResult result = MeetingScheduler.schedule(instance.slots(), instance.participants(), instance.matches());
        ScheduleChecks.assertValid(instance.slots(), instance.participants(), instance.matches(), result);
        assertThat(result.unplaced()).isEmpty();
        assertThat(result.statistics().slotsUsed()).isEqualTo(result.statistics().slotLowerBound());
    }

    @Property(tries = 200)
    void theSameInputGivesTheSameScheduleInWhateverOrderItComes(@ForAll long seed) {
        Instance instance = anyInstance(seed);
        ScheduleResult first = MeetingScheduler.schedule(instance.slots(), instance.participants(), instance.matches());
        List<SchedulingParticipant> people = new ArrayList<>(instance.participants());
        List<MatchToPlace> matches = new ArrayList<>(instance.matches());
        List<SchedulingSlot> slots = new ArrayList<>(instance.slots());
        Collections.shuffle(people, new Random(seed + 1));
        Collections.shuffle(matches, new Random(seed + 2));
        Collections.shuffle(slots, new Random(seed + 3));
        assertThat(MeetingScheduler.schedule(slots, people, matches)).isEqualTo(first);
    }

    @Property(tries = 300)
    void aCancelledMatchMovesNoOtherMeeting(@ForAll long seed, @ForAll @IntRange(min = 0, max = 1000) int pick) {
        Instance instance = anyInstance(seed);
        ScheduleResult before = MeetingScheduler.schedule(instance.slots(), instance.participants(), instance.matches());
        if (instance.matches().isEmpty()) {
            return;
        }
        List<MatchToPlace> left = new ArrayList<>(instance.matches());
        MatchToPlace cancelled = left.remove(pick % left.size());
        ScheduleResult after = MeetingScheduler.reschedule(instance.slots(), instance.participants(), left,
                before.meetings());
        ScheduleChecks.assertValid(instance.slots(), instance.participants(), left, after);
        assertThat(after.moved()).isSubsetOf(cancelled.matchId());
        assertKeptWhereTheyWere(before, after, Set.of(cancelled.matchId()));
    }

    @Property(tries = 300)
    void aParticipantDroppingOutMovesOnlyItsOwnMeetings(@ForAll long seed, @ForAll @IntRange(min = 0, max = 1000) int pick) {
        Instance instance = anyInstance(seed);
        ScheduleResult before = MeetingScheduler.schedule(instance.slots(), instance.participants(), instance.matches());
        List<SchedulingParticipant> people = new ArrayList<>(instance.participants());
        SchedulingParticipant gone = people.remove(pick % people.size());
        ScheduleResult after = MeetingScheduler.reschedule(instance.slots(), people, instance.matches(),
                before.meetings());
        Set<String> itsMatches = new HashSet<>();
        instance.matches().stream().filter(m -> m.participantA().equals(gone.id()) || m.participantB().equals(gone.id()))
                .forEach(m -> itsMatches.add(m.matchId()));
        assertThat(after.moved()).allMatch(itsMatches::contains);
        assertKeptWhereTheyWere(before, after, itsMatches);
        assertThat(after.unplaced()).filteredOn(u -> itsMatches.contains(u.matchId()))
                .allMatch(u -> u.reason() == UnplacedMatch.Reason.UNKNOWN_PARTICIPANT);
    }

    @Property(tries = 300)
    void aNewMatchMovesNoMeeting(@ForAll long seed) {
        Instance instance = anyInstance(seed);
        if (instance.matches().isEmpty()) {
            return;
        }
        List<MatchToPlace> earlier = instance.matches().subList(0, instance.matches().size() - 1);
        ScheduleResult before = MeetingScheduler.schedule(instance.slots(), instance.participants(), earlier);
        ScheduleResult after = MeetingScheduler.reschedule(instance.slots(), instance.participants(),
                instance.matches(), before.meetings());
        ScheduleChecks.assertValid(instance.slots(), instance.participants(), instance.matches(), after);
        assertThat(after.moved()).isEmpty();
    }

    @Property(tries = 300)
    void aLostTableMovesOnlyTheMeetingsThatSatAtIt(@ForAll long seed, @ForAll @IntRange(min = 0, max = 100) int pick) {
        Instance instance = anyInstance(seed);
        ScheduleResult before = MeetingScheduler.schedule(instance.slots(), instance.participants(), instance.matches());
        List<SchedulingSlot> fewer = instance.slots().stream()
                .map(slot -> new SchedulingSlot(slot.index(), slot.startsAt(), slot.endsAt(),
                        Math.max(0, slot.tables() - 1), slot.interpreters()))
                .toList();
        ScheduleResult after = MeetingScheduler.reschedule(fewer, instance.participants(), instance.matches(),
                before.meetings());
        ScheduleChecks.assertValid(fewer, instance.participants(), instance.matches(), after);
        Set<String> atLostTables = new HashSet<>();
        before.meetings().stream().filter(m -> m.table() > fewer.get(m.slot()).tables())
                .forEach(m -> atLostTables.add(m.matchId()));
        assertThat(after.moved()).allMatch(atLostTables::contains);
        assertKeptWhereTheyWere(before, after, atLostTables);
    }

    @Property(tries = 300)
    void aBlockMovedByTheOrganiserMovesOnlyMeetingsThatNoLongerFit(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 48) int hoursLater) {
        Instance instance = anyInstance(seed);
        ScheduleResult before = MeetingScheduler.schedule(instance.slots(), instance.participants(), instance.matches());
        List<SchedulingSlot> moved = instance.slots().stream()
                .map(slot -> new SchedulingSlot(slot.index(), slot.startsAt().plus(Duration.ofHours(hoursLater)),
                        slot.endsAt().plus(Duration.ofHours(hoursLater)), slot.tables(), slot.interpreters()))
                .toList();
        ScheduleResult after = MeetingScheduler.reschedule(moved, instance.participants(), instance.matches(),
                before.meetings());
        ScheduleChecks.assertValid(moved, instance.participants(), instance.matches(), after);
        Map<String, SchedulingParticipant> people = new HashMap<>();
        instance.participants().forEach(p -> people.put(p.id(), p));
        for (PlacedMeeting meeting : before.meetings()) {
            boolean stillFits = people.get(meeting.participantA()).isAvailableIn(moved.get(meeting.slot()))
                    && people.get(meeting.participantB()).isAvailableIn(moved.get(meeting.slot()));
            if (stillFits) {
                assertThat(after.moved()).doesNotContain(meeting.matchId());
            }
        }
    }

    private static void assertKeptWhereTheyWere(ScheduleResult before, ScheduleResult after, Set<String> mayMove) {
        Map<String, PlacedMeeting> now = new HashMap<>();
        after.meetings().forEach(m -> now.put(m.matchId(), m));
        for (PlacedMeeting was : before.meetings()) {
            if (!mayMove.contains(was.matchId())) {
                PlacedMeeting is = now.get(was.matchId());
                assertThat(is).as("meeting of %s still there", was.matchId()).isNotNull();
                assertThat(is.slot()).isEqualTo(was.slot());
                assertThat(is.table()).isEqualTo(was.table());
            }
        }
    }
}
