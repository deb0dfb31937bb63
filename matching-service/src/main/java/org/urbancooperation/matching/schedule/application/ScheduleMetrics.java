package org.urbancooperation.matching.schedule.application;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.urbancooperation.matching.schedule.domain.ScheduleChange;
import org.urbancooperation.matching.schedule.domain.ScheduleRelease;
import org.urbancooperation.matching.schedule.domain.UnplacedMatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What schedule releases do, counted as they happen: {@code ucp_matching_schedule_releases_total}, the matches each
 * release left unplaced by reason ({@code ucp_matching_schedule_unplaced_matches_total{reason}}: the alert on
 * NO_TABLE reads it), the meetings releases moved ({@code ucp_matching_schedule_meetings_moved_total}), and the
 * latest release's slots used against König's lower bound ({@code ucp_matching_schedule_slots_used},
 * {@code ucp_matching_schedule_slots_lower_bound}). Counters, not recounts: a release is an act, not a state.
 */
public class ScheduleMetrics {

    private final Counter releases;
    private final Counter moved;
    private final Map<UnplacedMatch.Reason, Counter> unplaced = new EnumMap<>(UnplacedMatch.Reason.class);
    private final AtomicInteger slotsUsed = new AtomicInteger();
    private final AtomicInteger slotLowerBound = new AtomicInteger();

    public ScheduleMetrics(MeterRegistry meters) {
        this.releases = Counter.builder("ucp.matching.schedule.releases")
                .description("Schedules released for matching events").register(meters);
        this.moved = Counter.builder("ucp.matching.schedule.meetings.moved")
                .description("Meetings a release moved to another slot or table").register(meters);
        for (UnplacedMatch.Reason reason : UnplacedMatch.Reason.values()) {
            unplaced.put(reason, Counter.builder("ucp.matching.schedule.unplaced.matches")
                    .description("Confirmed matches a release left without a meeting, by reason")
                    .tag("reason", reason.name()).register(meters));
        }
        Gauge.builder("ucp.matching.schedule.slots.used", slotsUsed, AtomicInteger::get)
                .description("Slots with a meeting in the latest release").register(meters);
        Gauge.builder("ucp.matching.schedule.slots.lower.bound", slotLowerBound, AtomicInteger::get)
                .description("König's lower bound on the slots of the latest release: the most meetings of one "
                        + "participant").register(meters);
    }

    public void released(ScheduleRelease release) {
        releases.increment();
        release.unplaced().forEach(u -> unplaced.get(u.reason()).increment());
        moved.increment(release.changes().stream().filter(c -> c.kind() == ScheduleChange.Kind.MOVED).count());
        slotsUsed.set(release.statistics().slotsUsed());
        slotLowerBound.set(release.statistics().slotLowerBound());
    }
}
