package org.urbancooperation.matching.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScheduleChangeTest {

    static PlacedMeeting meeting(String match, String a, String b, int slot, int table) {
        return new PlacedMeeting(match, a, b, slot, table, null);
    }

    @Test
    void saysWhatWasAddedMovedAndCancelledAndForWhom() {
        List<PlacedMeeting> first = List.of(meeting("m1", "clinic-essen", "robots-koriyama", 0, 1),
                meeting("m2", "stadtwerke-essen", "hydrogen-koriyama", 1, 1),
                meeting("m3", "clinic-essen", "cardboard-er-koriyama", 2, 1));
        List<PlacedMeeting> second = List.of(meeting("m1", "clinic-essen", "robots-koriyama", 0, 1),
                meeting("m2", "stadtwerke-essen", "hydrogen-koriyama", 3, 1),
                meeting("m4", "frea-koriyama", "gwi-essen", 2, 2));
        List<ScheduleChange> changes = ScheduleChange.between(first, second);
        assertThat(changes).extracting(ScheduleChange::kind, ScheduleChange::matchId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ScheduleChange.Kind.MOVED, "m2"),
                org.assertj.core.groups.Tuple.tuple(ScheduleChange.Kind.CANCELLED, "m3"),
                org.assertj.core.groups.Tuple.tuple(ScheduleChange.Kind.ADDED, "m4"));
        assertThat(ScheduleChange.byParticipant(changes)).containsOnlyKeys("stadtwerke-essen", "hydrogen-koriyama",
                "clinic-essen", "cardboard-er-koriyama", "frea-koriyama", "gwi-essen");
        assertThat(ScheduleChange.byParticipant(changes).get("clinic-essen")).extracting(ScheduleChange::matchId)
                .containsExactly("m3");
    }
}
