package org.urbancooperation.matching.schedule.domain;

import java.util.List;

/**
 * What one run of the scheduler gives.
 *
 * @param meetings the placed meetings, by slot, then table
 * @param unplaced the matches left out, each with its reason, in the order they were considered
 * @param moved matches whose meeting from the previous schedule changed slot or table, or was dropped (incremental
 *        runs only; empty for a schedule from scratch)
 */
public record ScheduleResult(List<PlacedMeeting> meetings, List<UnplacedMatch> unplaced, ScheduleStatistics statistics,
        List<String> moved) {

    public ScheduleResult {
        meetings = List.copyOf(meetings);
        unplaced = List.copyOf(unplaced);
        moved = List.copyOf(moved);
    }
}
