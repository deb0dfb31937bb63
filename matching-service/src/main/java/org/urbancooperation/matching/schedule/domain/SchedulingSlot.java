package org.urbancooperation.matching.schedule.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.urbancooperation.matching.shared.domain.InterpreterPair;

/**
 * One slot of a matching event's meeting blocks, with what it offers: {@code tables} tables or virtual rooms, and per
 * language pair the number of interpreters on duty in it.
 *
 * @param index position in time order, from 0; meetings name their slot by it
 */
public record SchedulingSlot(int index, Instant startsAt, Instant endsAt, int tables,
        Map<InterpreterPair, Integer> interpreters) {

    public SchedulingSlot {
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (index < 0 || tables < 0) {
            throw new IllegalArgumentException("a slot has an index and tables of at least 0");
        }
        // Sorted: the scheduler tries pairs in a fixed order, so the same input gives the same schedule.
        interpreters = interpreters == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(interpreters));
    }

    public int interpretersFor(InterpreterPair pair) {
        return interpreters.getOrDefault(pair, 0);
    }
}
