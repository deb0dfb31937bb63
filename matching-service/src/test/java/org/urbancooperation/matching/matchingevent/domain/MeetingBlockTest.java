package org.urbancooperation.matching.matchingevent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.urbancooperation.matching.shared.domain.InterpreterPair;
import org.urbancooperation.support.domain.InvalidValueException;

class MeetingBlockTest {

    static Instant at(String time) {
        return Instant.parse("2020-10-28T" + time + ":00Z");
    }

    @Test
    void slotsStopBeforeABreakAndStartAgainAfterIt() {
        MeetingBlock block = new MeetingBlock(at("01:00"), at("04:00"), 30,
                List.of(new MeetingBlock.Break(at("02:15"), at("02:45"))), 20, Map.of(InterpreterPair.of("ja", "en"), 2));
        assertThat(block.slotTimes()).extracting(times -> times[0])
                .containsExactly(at("01:00"), at("01:30"), at("02:45"), at("03:15"));
        assertThat(block.interpreters()).containsEntry(InterpreterPair.of("en", "ja"), 2);
    }

    @Test
    void slotsOfSeveralBlocksAreNumberedInTimeOrder() {
        MeetingBlock afternoon = new MeetingBlock(at("05:00"), at("06:00"), 30, List.of(), 10, Map.of());
        MeetingBlock morning = new MeetingBlock(at("01:00"), at("02:00"), 20, List.of(), 10, Map.of());
        assertThat(MeetingBlock.slotsOf(List.of(afternoon, morning))).extracting(Slot::number, Slot::startsAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, at("01:00")),
                        org.assertj.core.groups.Tuple.tuple(2, at("01:20")),
                        org.assertj.core.groups.Tuple.tuple(3, at("01:40")),
                        org.assertj.core.groups.Tuple.tuple(4, at("05:00")),
                        org.assertj.core.groups.Tuple.tuple(5, at("05:30")));
    }

    @Test
    void badBlocksAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new MeetingBlock(at("01:00"), at("02:00"), 30,
                List.of(new MeetingBlock.Break(at("00:30"), at("01:10"))), 5, Map.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("breaks[0]"));
        assertThatThrownBy(() -> new MeetingBlock(at("01:00"), at("01:20"), 30, List.of(), 5, Map.of()))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("slotMinutes"));
        assertThatThrownBy(() -> new MeetingBlock(at("01:00"), at("02:00"), 30, List.of(), 0, Map.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("tables"));
        MeetingBlock one = new MeetingBlock(at("01:00"), at("02:00"), 30, List.of(), 5, Map.of());
        MeetingBlock overlapping = new MeetingBlock(at("01:30"), at("03:00"), 30, List.of(), 5, Map.of());
        assertThatThrownBy(() -> MeetingBlock.slotsOf(List.of(one, overlapping)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("blocks"));
    }
}
