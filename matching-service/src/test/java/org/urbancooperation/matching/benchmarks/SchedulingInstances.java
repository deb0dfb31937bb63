package org.urbancooperation.matching.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.urbancooperation.matching.schedule.domain.MatchToPlace;
import org.urbancooperation.matching.schedule.domain.SchedulingParticipant;
import org.urbancooperation.matching.schedule.domain.SchedulingSlot;
import org.urbancooperation.matching.shared.domain.InterpreterPair;

/** The benchmark's inputs, the same for a seed: a trade-fair day in Essen and a König-bound instance. */
public final class SchedulingInstances {

    public record Instance(List<SchedulingSlot> slots, List<SchedulingParticipant> participants,
            List<MatchToPlace> matches) {
    }

    private SchedulingInstances() {
    }

    /**
     * The case: 1,000 participants (half from Essen speaking German, most also English; half from Koriyama
     * speaking Japanese, most also English), 5,000 accepted matches between the two halves, 24 slots of 20 minutes,
     * 100 tables, 10 EN-JA and 5 DE-JA interpreters per slot; a fifth of the participants free in only two thirds of the slots,
     * caps of 6 to 12 meetings.
     */
    public static Instance tradeFair(long seed) {
        Random random = new Random(seed);
        List<SchedulingSlot> slots = new ArrayList<>();
        Instant first = Instant.parse("2026-02-10T08:00:00Z");
        for (int s = 0; s < 24; s++) {
            Instant start = first.plus(Duration.ofMinutes(20L * s));
            slots.add(new SchedulingSlot(s, start, start.plus(Duration.ofMinutes(20)), 100,
                    Map.of(InterpreterPair.of("en", "ja"), 10, InterpreterPair.of("de", "ja"), 5)));
        }
        List<SchedulingParticipant> people = new ArrayList<>();
        for (int p = 0; p < 1000; p++) {
            boolean essen = p % 2 == 0;
            Set<String> languages = new TreeSet<>();
            languages.add(essen ? "de" : "ja");
            if (random.nextInt(100) < (essen ? 85 : 70)) {
                languages.add("en");
            }
            Set<Integer> available = null;
            if (random.nextInt(5) == 0) {
                available = new TreeSet<>();
                for (int s = 0; s < 24; s++) {
                    if (random.nextInt(3) > 0) {
                        available.add(s);
                    }
                }
            }
            people.add(new SchedulingParticipant((essen ? "essen-" : "koriyama-") + p, available,
                    6 + random.nextInt(7), languages, null, false));
        }
        List<MatchToPlace> matches = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        while (matches.size() < 5000) {
            int a = 2 * random.nextInt(500);
            int b = 2 * random.nextInt(500) + 1;
            if (seen.add((long) a * 1000 + b)) {
                matches.add(new MatchToPlace("match-" + matches.size(), people.get(a).id(), people.get(b).id(),
                        random.nextInt(3)));
            }
        }
        return new Instance(slots, people, matches);
    }

    /** 500 offers, 500 requests, each in 50 matches: 25,000 matches, 50 slots, tables for everyone, nobody busy. */
    public static Instance koenig(long seed) {
        Random random = new Random(seed);
        int side = 500;
        int degree = 50;
        List<Integer> shuffle = new ArrayList<>();
        for (int r = 0; r < side; r++) {
            shuffle.add(r);
        }
        java.util.Collections.shuffle(shuffle, random);
        List<MatchToPlace> matches = new ArrayList<>();
        for (int o = 0; o < side; o++) {
            for (int k = 0; k < degree; k++) {
                int r = shuffle.get((o + k * (side / degree)) % side);
                matches.add(new MatchToPlace("m-" + o + "-" + k, "offer-" + o, "request-" + r, random.nextInt(3)));
            }
        }
        java.util.Collections.shuffle(matches, random);
        List<SchedulingParticipant> people = new ArrayList<>();
        for (int i = 0; i < side; i++) {
            people.add(SchedulingParticipant.alwaysFree("offer-" + i, degree, Set.of("en")));
            people.add(SchedulingParticipant.alwaysFree("request-" + i, degree, Set.of("en")));
        }
        List<SchedulingSlot> slots = new ArrayList<>();
        Instant first = Instant.parse("2026-10-28T00:00:00Z");
        for (int s = 0; s < degree; s++) {
            Instant start = first.plus(Duration.ofMinutes(15L * s));
            slots.add(new SchedulingSlot(s, start, start.plus(Duration.ofMinutes(15)), side, Map.of()));
        }
        return new Instance(slots, people, matches);
    }
}
