package org.urbancooperation.matching.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.urbancooperation.matching.schedule.domain.MatchToPlace;
import org.urbancooperation.matching.schedule.domain.MeetingScheduler;
import org.urbancooperation.matching.schedule.domain.ScheduleResult;
import org.urbancooperation.matching.schedule.domain.SchedulingParticipant;

/**
 * Time to schedule the trade fair (1,000 participants, 5,000 matches, 24 slots, 100 tables) from scratch and
 * after one change, and the 25,000-meeting König instance. The quality figures (placed against the bound, meetings
 * moved) come from {@link SchedulerQualityReport}. Command and results: docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MeetingSchedulerBenchmark {

    private SchedulingInstances.Instance fair;
    private SchedulingInstances.Instance koenig;
    private ScheduleResult fairSchedule;
    private List<MatchToPlace> oneCancelled;
    private List<SchedulingParticipant> oneDroppedOut;

    @Setup
    public void setUp() {
        fair = SchedulingInstances.tradeFair(42);
        koenig = SchedulingInstances.koenig(42);
        fairSchedule = MeetingScheduler.schedule(fair.slots(), fair.participants(), fair.matches());
        oneCancelled = new ArrayList<>(fair.matches());
        String cancelled = fairSchedule.meetings().get(fairSchedule.meetings().size() / 2).matchId();
        oneCancelled.removeIf(match -> match.matchId().equals(cancelled));
        oneDroppedOut = new ArrayList<>(fair.participants());
        oneDroppedOut.remove(0);
    }

    @Benchmark
    public ScheduleResult tradeFairFromScratch() {
        return MeetingScheduler.schedule(fair.slots(), fair.participants(), fair.matches());
    }

    @Benchmark
    public ScheduleResult tradeFairAfterOneCancellation() {
        return MeetingScheduler.reschedule(fair.slots(), fair.participants(), oneCancelled, fairSchedule.meetings());
    }

    @Benchmark
    public ScheduleResult tradeFairAfterOneDropOut() {
        return MeetingScheduler.reschedule(fair.slots(), oneDroppedOut, fair.matches(), fairSchedule.meetings());
    }

    @Benchmark
    public ScheduleResult koenig25000FromScratch() {
        return MeetingScheduler.schedule(koenig.slots(), koenig.participants(), koenig.matches());
    }
}
