package org.urbancooperation.matching.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.urbancooperation.matching.schedule.domain.MatchToPlace;
import org.urbancooperation.matching.schedule.domain.MeetingScheduler;
import org.urbancooperation.matching.schedule.domain.PlacedMeeting;
import org.urbancooperation.matching.schedule.domain.ScheduleResult;
import org.urbancooperation.matching.schedule.domain.ScheduleStatistics;
import org.urbancooperation.matching.schedule.domain.SchedulingParticipant;

/** How good the benchmark's schedules are: meetings placed against the bound, meetings moved by one change. */
public final class SchedulerQualityReport {

    private SchedulerQualityReport() {
    }

    public static void main(String[] args) {
        SchedulingInstances.Instance fair = SchedulingInstances.tradeFair(42);
        long started = System.nanoTime();
        ScheduleResult schedule = MeetingScheduler.schedule(fair.slots(), fair.participants(), fair.matches());
        long firstRunMs = (System.nanoTime() - started) / 1_000_000;
        print("trade fair, from scratch (first, cold run " + firstRunMs + " ms)", schedule.statistics());
        System.out.println("  unplaced by reason: " + schedule.unplaced().stream()
                .collect(java.util.stream.Collectors.groupingBy(u -> u.reason(), java.util.TreeMap::new,
                        java.util.stream.Collectors.counting())));

        PlacedMeeting cancelledMeeting = schedule.meetings().get(schedule.meetings().size() / 2);
        List<MatchToPlace> left = new ArrayList<>(fair.matches());
        left.removeIf(match -> match.matchId().equals(cancelledMeeting.matchId()));
        ScheduleResult afterCancellation = MeetingScheduler.reschedule(fair.slots(), fair.participants(), left,
                schedule.meetings());
        System.out.printf("after one cancellation: %d meeting(s) moved or dropped (the cancelled one included), "
                + "%d placed (was %d)%n", afterCancellation.moved().size(),
                afterCancellation.statistics().meetingsPlaced(), schedule.statistics().meetingsPlaced());

        SchedulingParticipant leaving = fair.participants().get(2);
        List<SchedulingParticipant> stay = new ArrayList<>(fair.participants());
        stay.remove(leaving);
        long itsMeetings = schedule.meetings().stream().filter(m -> m.participantA().equals(leaving.id())
                || m.participantB().equals(leaving.id())).count();
        ScheduleResult afterDropOut = MeetingScheduler.reschedule(fair.slots(), stay, fair.matches(),
                schedule.meetings());
        System.out.printf("after %s dropped out (%d meetings of its own): %d meeting(s) moved or dropped, %d placed%n",
                leaving.id(), itsMeetings, afterDropOut.moved().size(), afterDropOut.statistics().meetingsPlaced());

        SchedulingInstances.Instance koenig = SchedulingInstances.koenig(42);
        started = System.nanoTime();
        ScheduleResult koenigSchedule = MeetingScheduler.schedule(koenig.slots(), koenig.participants(),
                koenig.matches());
        print("König instance, from scratch (first, cold run " + (System.nanoTime() - started) / 1_000_000 + " ms)",
                koenigSchedule.statistics());
    }

    private static void print(String title, ScheduleStatistics s) {
        System.out.printf("%s: %d placed of upper bound %d (%d unplaced), slots used %d against lower bound %d, "
                + "tables %.1f %% used, %d interpreted meetings (interpreters %.1f %% used)%n", title, s.meetingsPlaced(),
                s.meetingUpperBound(), s.matchesUnplaced(), s.slotsUsed(), s.slotLowerBound(),
                100 * s.tableUtilisation(), s.interpretedMeetings(), 100 * s.interpreterUtilisation());
    }
}
