package org.urbancooperation.matching.schedule.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.urbancooperation.matching.shared.domain.InterpreterPair;

/**
 * Places accepted matches into the slots of a matching event: no participant twice in a slot, no table twice, within
 * availability, meeting caps, business hours and interpreters; as many meetings as it can, higher priorities first,
 * and among equal choices the slot inside more business hours, then the earliest.
 *
 * <p>Why hand-written: this is edge colouring of the match graph (slots are colours) with side constraints. JGraphT
 * colours vertices, not edges, and a constraint solver (Timefold, OR-Tools) neither resolves here nor guarantees
 * König's bound without a model as large as this class. The method is the textbook one for bipartite edge colouring:
 * place each match in a slot where both are free; where none is, take a slot α free for one side and β free for the
 * other and swap α and β along the alternating path from the other side (a Kempe chain), which frees α for both. On a
 * two-sided graph (offers meeting requests) with everyone free and enough tables this always succeeds with as many
 * slots as the busiest participant has meetings (König's theorem), which is what the property tests check. Swaps that
 * would break availability, tables or interpreters are undone, so the constraints always hold.
 *
 * <p>Deterministic: matches are taken by priority, then id; slots, tables and interpreter pairs in index order; no hash
 * order decides anything.
 *
 * <p>Incremental: given the previous schedule, every meeting that is still possible keeps its slot and table; only the
 * ones that became impossible, and new matches, are placed, and swaps never touch a kept meeting.
 */
public final class MeetingScheduler {

    /** Each failing match tries at most this many slot pairs for a swap: enough in practice, bounded in the worst case. */
    private static final int SWAP_ATTEMPTS = 64;

    private MeetingScheduler() {
    }

    /** A schedule from scratch. */
    public static ScheduleResult schedule(List<SchedulingSlot> slots, List<SchedulingParticipant> participants,
            List<MatchToPlace> matches) {
        return reschedule(slots, participants, matches, List.of());
    }

    /** A schedule that keeps every meeting of {@code previous} that is still possible where it was. */
    public static ScheduleResult reschedule(List<SchedulingSlot> slots, List<SchedulingParticipant> participants,
            List<MatchToPlace> matches, List<PlacedMeeting> previous) {
        return new Run(slots, participants, matches, previous).solve();
    }

    /** The working state of one run; arrays indexed by participant, slot and match position. */
    private static final class Run {

        private final SchedulingSlot[] slots;
        private final SchedulingParticipant[] people;
        private final MatchToPlace[] matches;
        private final int[] sideA;
        private final int[] sideB;
        /** Interpreter pairs the two sides of a match could use (empty when they share a language), in order. */
        private final int[][] candidatePairs;
        private final boolean[] needsInterpreter;
        private final List<InterpreterPair> pairs;
        private final List<PlacedMeeting> previous;

        /** busy[person][slot]: the match placed there, or -1. */
        private final int[][] busy;
        private final int[] meetingsOf;
        private final int[] tablesTaken;
        /** interpretersTaken[slot][pair]. */
        private final int[][] interpretersTaken;
        private final int[] slotOf;
        private final int[] pairOf;
        private final int[] tableOf;
        private final boolean[] kept;
        /** Slots to fill before opening others: all of them when hours decide, else the busiest participant's load. */
        private final int compactSlots;

        Run(List<SchedulingSlot> slotList, List<SchedulingParticipant> participantList, List<MatchToPlace> matchList,
                List<PlacedMeeting> previous) {
            this.slots = slotList.stream().sorted(Comparator.comparingInt(SchedulingSlot::index))
                    .toArray(SchedulingSlot[]::new);
            for (int s = 0; s < slots.length; s++) {
                if (slots[s].index() != s) {
                    throw new IllegalArgumentException("slots are numbered 0.." + (slots.length - 1) + " without gaps");
                }
            }
            this.people = participantList.stream().sorted(Comparator.comparing(SchedulingParticipant::id))
                    .toArray(SchedulingParticipant[]::new);
            Map<String, Integer> personIndex = new HashMap<>();
            for (int p = 0; p < people.length; p++) {
                if (personIndex.put(people[p].id(), p) != null) {
                    throw new IllegalArgumentException("participant " + people[p].id() + " is listed twice");
                }
            }
            this.matches = matchList.stream()
                    .sorted(Comparator.comparingInt(MatchToPlace::priority).reversed()
                            .thenComparing(MatchToPlace::matchId))
                    .toArray(MatchToPlace[]::new);
            Set<InterpreterPair> offered = new TreeSet<>();
            for (SchedulingSlot slot : slots) {
                slot.interpreters().forEach((pair, count) -> {
                    if (count > 0) {
                        offered.add(pair);
                    }
                });
            }
            this.pairs = List.copyOf(offered);
            int m = matches.length;
            this.sideA = new int[m];
            this.sideB = new int[m];
            this.candidatePairs = new int[m][];
            this.needsInterpreter = new boolean[m];
            Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < m; i++) {
                if (!ids.add(matches[i].matchId())) {
                    throw new IllegalArgumentException("match " + matches[i].matchId() + " is listed twice");
                }
                sideA[i] = personIndex.getOrDefault(matches[i].participantA(), -1);
                sideB[i] = personIndex.getOrDefault(matches[i].participantB(), -1);
                candidatePairs[i] = new int[0];
                if (sideA[i] >= 0 && sideB[i] >= 0) {
                    Set<String> a = people[sideA[i]].languages();
                    Set<String> b = people[sideB[i]].languages();
                    // A side that declared no languages is not known to need an interpreter.
                    boolean shared = a.stream().anyMatch(b::contains) || a.isEmpty() || b.isEmpty();
                    if (!shared) {
                        needsInterpreter[i] = true;
                        List<Integer> usable = new ArrayList<>();
                        for (int k = 0; k < pairs.size(); k++) {
                            InterpreterPair pair = pairs.get(k);
                            if ((a.contains(pair.first()) && b.contains(pair.second()))
                                    || (a.contains(pair.second()) && b.contains(pair.first()))) {
                                usable.add(k);
                            }
                        }
                        candidatePairs[i] = usable.stream().mapToInt(Integer::intValue).toArray();
                    }
                }
            }
            this.previous = previous;
            this.busy = new int[people.length][slots.length];
            for (int[] row : busy) {
                Arrays.fill(row, -1);
            }
            this.meetingsOf = new int[people.length];
            this.tablesTaken = new int[slots.length];
            this.interpretersTaken = new int[slots.length][pairs.size()];
            this.slotOf = new int[m];
            this.pairOf = new int[m];
            this.tableOf = new int[m];
            this.kept = new boolean[m];
            Arrays.fill(slotOf, -1);
            Arrays.fill(pairOf, -1);
            Arrays.fill(tableOf, -1);
            this.compactSlots = Arrays.stream(people).anyMatch(person -> person.hours() != null) ? slots.length
                    : Math.min(slots.length, busiestLoad());
        }

        /** The most meetings any participant could have: its matches with known partners, at most its cap. */
        private int busiestLoad() {
            int[] load = new int[people.length];
            for (int i = 0; i < matches.length; i++) {
                if (sideA[i] >= 0 && sideB[i] >= 0) {
                    load[sideA[i]]++;
                    load[sideB[i]]++;
                }
            }
            int busiest = 0;
            for (int p = 0; p < people.length; p++) {
                busiest = Math.max(busiest, Math.min(load[p], people[p].maxMeetings()));
            }
            return busiest;
        }

        ScheduleResult solve() {
            Map<String, PlacedMeeting> before = new HashMap<>();
            previous.forEach(meeting -> before.put(meeting.matchId(), meeting));
            keepWhatStillHolds(before);

            List<UnplacedMatch> unplaced = new ArrayList<>();
            for (int i = 0; i < matches.length; i++) {
                if (slotOf[i] >= 0) {
                    continue;
                }
                UnplacedMatch.Reason reason = place(i);
                if (reason != null) {
                    unplaced.add(new UnplacedMatch(matches[i].matchId(), reason));
                }
            }
            assignTables(before);
            return result(unplaced, before);
        }

        /** Pins the previous meetings that are still possible, by priority, so that caps keep the more important. */
        private void keepWhatStillHolds(Map<String, PlacedMeeting> before) {
            // First the meetings whose table still exists, then those whose table was lost: a lost table moves only its
            // own meeting to another table, never a meeting at a table that is still there.
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < matches.length; i++) {
                    PlacedMeeting meeting = before.get(matches[i].matchId());
                    if (meeting != null && meeting.slot() >= 0 && meeting.slot() < slots.length
                            && (meeting.table() <= slots[meeting.slot()].tables()) == (pass == 0)) {
                        keepIfPossible(i, meeting);
                    }
                }
            }
        }

        private void keepIfPossible(int i, PlacedMeeting meeting) {
            if (kept[i] || sideA[i] < 0 || sideB[i] < 0) {
                return;
            }
            boolean sameTwo = (meeting.participantA().equals(matches[i].participantA())
                    && meeting.participantB().equals(matches[i].participantB()))
                    || (meeting.participantA().equals(matches[i].participantB())
                            && meeting.participantB().equals(matches[i].participantA()));
            int s = meeting.slot();
            if (!sameTwo || s < 0 || s >= slots.length || !canMeetIn(i, s) || busy[sideA[i]][s] >= 0
                    || busy[sideB[i]][s] >= 0 || tablesTaken[s] >= slots[s].tables()
                    || meetingsOf[sideA[i]] >= people[sideA[i]].maxMeetings()
                    || meetingsOf[sideB[i]] >= people[sideB[i]].maxMeetings()) {
                return;
            }
            int pair = -1;
            if (needsInterpreter[i]) {
                int previousPair = meeting.interpreter() == null ? -1 : pairs.indexOf(meeting.interpreter());
                pair = previousPair >= 0 && contains(candidatePairs[i], previousPair)
                        && interpretersTaken[s][previousPair] < slots[s].interpretersFor(pairs.get(previousPair))
                                ? previousPair
                                : freePair(i, s);
                if (pair < 0) {
                    return;
                }
            }
            put(i, s, pair);
            kept[i] = true;
        }

        /**
         * Places match i, or says why it cannot be placed. Where nobody declared business hours every slot is as good
         * as another, so the first {@code compactSlots} slots are tried first, swaps included, before a new slot is
         * opened: that is what reaches König's bound. With hours, the slot inside more of them wins.
         */
        private UnplacedMatch.Reason place(int i) {
            int a = sideA[i];
            int b = sideB[i];
            if (a < 0 || b < 0) {
                return UnplacedMatch.Reason.UNKNOWN_PARTICIPANT;
            }
            if (meetingsOf[a] >= people[a].maxMeetings() || meetingsOf[b] >= people[b].maxMeetings()) {
                return UnplacedMatch.Reason.MEETING_CAP_REACHED;
            }
            if (compactSlots < slots.length && (placeInFreeSlot(i, compactSlots) || swapToPlace(i, compactSlots))) {
                return null;
            }
            if (placeInFreeSlot(i, slots.length) || swapToPlace(i, slots.length)) {
                return null;
            }
            return whyNot(i);
        }

        private boolean placeInFreeSlot(int i, int slotLimit) {
            int a = sideA[i];
            int b = sideB[i];
            int best = -1;
            int bestPair = -1;
            int bestPreference = -1;
            for (int s = 0; s < slotLimit; s++) {
                if (busy[a][s] >= 0 || busy[b][s] >= 0 || !canMeetIn(i, s) || tablesTaken[s] >= slots[s].tables()) {
                    continue;
                }
                int pair = needsInterpreter[i] ? freePair(i, s) : -1;
                if (needsInterpreter[i] && pair < 0) {
                    continue;
                }
                int preference = preference(i, s);
                if (preference > bestPreference) {
                    best = s;
                    bestPair = pair;
                    bestPreference = preference;
                }
            }
            if (best < 0) {
                return false;
            }
            put(i, best, bestPair);
            return true;
        }

        /**
         * The Kempe step: a slot α where a is free, β where b is free; swap α and β along the alternating path from b, so
         * that α is free for both. Undone when a swapped meeting would break a constraint or the path reaches a.
         */
        private boolean swapToPlace(int i, int slotLimit) {
            int a = sideA[i];
            int b = sideB[i];
            int attempts = 0;
            for (int alpha = 0; alpha < slotLimit; alpha++) {
                if (busy[a][alpha] >= 0 || busy[b][alpha] < 0 || !canMeetIn(i, alpha)) {
                    continue;
                }
                for (int beta = 0; beta < slotLimit; beta++) {
                    if (beta == alpha || busy[b][beta] >= 0 || !people[b].isAvailableIn(slots[beta])) {
                        continue;
                    }
                    if (++attempts > SWAP_ATTEMPTS) {
                        return false;
                    }
                    if (trySwap(i, alpha, beta)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean trySwap(int i, int alpha, int beta) {
            int a = sideA[i];
            List<Integer> path = new ArrayList<>();
            int person = sideB[i];
            int colour = alpha;
            while (busy[person][colour] >= 0) {
                int edge = busy[person][colour];
                if (kept[edge]) {
                    return false;
                }
                path.add(edge);
                person = sideA[edge] == person ? sideB[edge] : sideA[edge];
                if (person == a) {
                    return false;
                }
                colour = colour == alpha ? beta : alpha;
            }
            int[] oldSlot = new int[path.size()];
            int[] oldPair = new int[path.size()];
            for (int k = 0; k < path.size(); k++) {
                oldSlot[k] = slotOf[path.get(k)];
                oldPair[k] = pairOf[path.get(k)];
                take(path.get(k));
            }
            boolean fits = true;
            int moved = 0;
            for (int k = 0; k < path.size() && fits; k++) {
                int edge = path.get(k);
                int target = oldSlot[k] == alpha ? beta : alpha;
                int pair = needsInterpreter[edge] ? freePair(edge, target) : -1;
                fits = canMeetIn(edge, target) && tablesTaken[target] < slots[target].tables()
                        && (!needsInterpreter[edge] || pair >= 0);
                if (fits) {
                    put(edge, target, pair);
                    moved++;
                }
            }
            int newPair = fits && needsInterpreter[i] ? freePair(i, alpha) : -1;
            if (fits && busy[a][alpha] < 0 && busy[sideB[i]][alpha] < 0 && tablesTaken[alpha] < slots[alpha].tables()
                    && (!needsInterpreter[i] || newPair >= 0)) {
                put(i, alpha, newPair);
                return true;
            }
            for (int k = 0; k < moved; k++) {
                take(path.get(k));
            }
            for (int k = 0; k < path.size(); k++) {
                put(path.get(k), oldSlot[k], oldPair[k]);
            }
            return false;
        }

        /** The first obstacle, looking only at slots where the two could meet with an interpreter where they need one. */
        private UnplacedMatch.Reason whyNot(int i) {
            int a = sideA[i];
            int b = sideB[i];
            boolean together = false;
            boolean usable = false;
            boolean bothFree = false;
            boolean tableFree = false;
            for (int s = 0; s < slots.length; s++) {
                if (!canMeetIn(i, s)) {
                    continue;
                }
                together = true;
                if (needsInterpreter[i] && !interpreterDeclared(i, slots[s])) {
                    continue;
                }
                usable = true;
                if (busy[a][s] < 0 && busy[b][s] < 0) {
                    bothFree = true;
                    tableFree |= tablesTaken[s] < slots[s].tables();
                }
            }
            if (!together) {
                return UnplacedMatch.Reason.NO_COMMON_AVAILABILITY;
            }
            if (!usable) {
                return UnplacedMatch.Reason.NO_INTERPRETER;
            }
            if (!bothFree) {
                return UnplacedMatch.Reason.NO_FREE_SLOT;
            }
            return tableFree ? UnplacedMatch.Reason.INTERPRETERS_TAKEN : UnplacedMatch.Reason.NO_TABLE;
        }

        private boolean canMeetIn(int i, int s) {
            return people[sideA[i]].isAvailableIn(slots[s]) && people[sideB[i]].isAvailableIn(slots[s]);
        }

        private int preference(int i, int s) {
            return (people[sideA[i]].isInsideHours(slots[s]) ? 1 : 0) + (people[sideB[i]].isInsideHours(slots[s]) ? 1 : 0);
        }

        private int freePair(int i, int s) {
            for (int pair : candidatePairs[i]) {
                if (interpretersTaken[s][pair] < slots[s].interpretersFor(pairs.get(pair))) {
                    return pair;
                }
            }
            return -1;
        }

        private void put(int i, int s, int pair) {
            busy[sideA[i]][s] = i;
            busy[sideB[i]][s] = i;
            meetingsOf[sideA[i]]++;
            meetingsOf[sideB[i]]++;
            tablesTaken[s]++;
            if (pair >= 0) {
                interpretersTaken[s][pair]++;
            }
            slotOf[i] = s;
            pairOf[i] = pair;
        }

        private void take(int i) {
            int s = slotOf[i];
            busy[sideA[i]][s] = -1;
            busy[sideB[i]][s] = -1;
            meetingsOf[sideA[i]]--;
            meetingsOf[sideB[i]]--;
            tablesTaken[s]--;
            if (pairOf[i] >= 0) {
                interpretersTaken[s][pairOf[i]]--;
            }
            slotOf[i] = -1;
            pairOf[i] = -1;
        }

        /** Kept meetings keep their table where it still exists; the others take the lowest free one. */
        private void assignTables(Map<String, PlacedMeeting> before) {
            boolean[][] taken = new boolean[slots.length][];
            for (int s = 0; s < slots.length; s++) {
                taken[s] = new boolean[slots[s].tables() + 1];
            }
            for (int i = 0; i < matches.length; i++) {
                if (kept[i]) {
                    int table = before.get(matches[i].matchId()).table();
                    int s = slotOf[i];
                    if (table >= 1 && table <= slots[s].tables() && !taken[s][table]) {
                        taken[s][table] = true;
                        tableOf[i] = table;
                    }
                }
            }
            int[] next = new int[slots.length];
            Arrays.fill(next, 1);
            for (int i = 0; i < matches.length; i++) {
                int s = slotOf[i];
                if (s < 0 || tableOf[i] > 0) {
                    continue;
                }
                while (taken[s][next[s]]) {
                    next[s]++;
                }
                taken[s][next[s]] = true;
                tableOf[i] = next[s];
            }
        }

        private ScheduleResult result(List<UnplacedMatch> unplaced, Map<String, PlacedMeeting> before) {
            List<PlacedMeeting> meetings = new ArrayList<>();
            int interpreted = 0;
            int withBothHours = 0;
            int insideBothHours = 0;
            boolean[] slotUsed = new boolean[slots.length];
            for (int i = 0; i < matches.length; i++) {
                int s = slotOf[i];
                if (s < 0) {
                    continue;
                }
                slotUsed[s] = true;
                meetings.add(new PlacedMeeting(matches[i].matchId(), matches[i].participantA(),
                        matches[i].participantB(), s, tableOf[i], pairOf[i] < 0 ? null : pairs.get(pairOf[i])));
                interpreted += pairOf[i] >= 0 ? 1 : 0;
                if (people[sideA[i]].hours() != null && people[sideB[i]].hours() != null) {
                    withBothHours++;
                    insideBothHours += preference(i, s) == 2 ? 1 : 0;
                }
            }
            meetings.sort(Comparator.comparingInt(PlacedMeeting::slot).thenComparingInt(PlacedMeeting::table));

            List<String> moved = new ArrayList<>();
            Map<String, PlacedMeeting> now = new HashMap<>();
            meetings.forEach(meeting -> now.put(meeting.matchId(), meeting));
            previous.stream().map(PlacedMeeting::matchId).sorted().forEach(id -> {
                PlacedMeeting was = before.get(id);
                PlacedMeeting is = now.get(id);
                if (is == null || is.slot() != was.slot() || is.table() != was.table()) {
                    moved.add(id);
                }
            });

            int slotsUsed = 0;
            int tablesOffered = 0;
            int interpretersOffered = 0;
            for (int s = 0; s < slots.length; s++) {
                slotsUsed += slotUsed[s] ? 1 : 0;
                tablesOffered += slots[s].tables();
                interpretersOffered += slots[s].interpreters().values().stream().mapToInt(Integer::intValue).sum();
            }
            int busiest = Arrays.stream(meetingsOf).max().orElse(0);
            ScheduleStatistics statistics = new ScheduleStatistics(meetings.size(), unplaced.size(),
                    meetingUpperBound(tablesOffered, interpretersOffered), slotsUsed, busiest,
                    tablesOffered == 0 ? 0 : (double) meetings.size() / tablesOffered, interpreted,
                    interpretersOffered == 0 ? 0 : (double) interpreted / interpretersOffered, insideBothHours,
                    withBothHours);
            return new ScheduleResult(meetings, unplaced, statistics, moved);
        }

        /**
         * Bounds no schedule can beat; the smallest is reported: the tables of all slots; half the sum over participants
         * of what each could take (cap, slots it is free in, matches that could each be placed alone); and the matches
         * that could each be placed alone, counting those that need an interpreter at most once per interpreter place.
         */
        private int meetingUpperBound(int tablesOffered, int interpretersOffered) {
            int alone = 0;
            int aloneWithInterpreter = 0;
            int[] placeableOf = new int[people.length];
            for (int i = 0; i < matches.length; i++) {
                if (sideA[i] < 0 || sideB[i] < 0) {
                    continue;
                }
                boolean possible = false;
                for (int s = 0; s < slots.length && !possible; s++) {
                    possible = canMeetIn(i, s) && slots[s].tables() > 0
                            && (!needsInterpreter[i] || interpreterDeclared(i, slots[s]));
                }
                if (possible) {
                    if (needsInterpreter[i]) {
                        aloneWithInterpreter++;
                    } else {
                        alone++;
                    }
                    placeableOf[sideA[i]]++;
                    placeableOf[sideB[i]]++;
                }
            }
            long ends = 0;
            for (int p = 0; p < people.length; p++) {
                int free = 0;
                for (SchedulingSlot slot : slots) {
                    free += people[p].isAvailableIn(slot) ? 1 : 0;
                }
                ends += Math.min(Math.min(people[p].maxMeetings(), placeableOf[p]), free);
            }
            int byMatches = alone + Math.min(aloneWithInterpreter, interpretersOffered);
            return (int) Math.min(Math.min(byMatches, ends / 2), tablesOffered);
        }

        private boolean interpreterDeclared(int i, SchedulingSlot slot) {
            for (int pair : candidatePairs[i]) {
                if (slot.interpretersFor(pairs.get(pair)) > 0) {
                    return true;
                }
            }
            return false;
        }

        private static boolean contains(int[] values, int value) {
            for (int v : values) {
                if (v == value) {
                    return true;
                }
            }
            return false;
        }
    }
}
