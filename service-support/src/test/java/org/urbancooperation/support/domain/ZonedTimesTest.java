package org.urbancooperation.support.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ZonedTimesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void aLocalTimeIsReadOnTheZonesClocksWithTheOffsetInForceThatDay() {
        assertThat(ZonedTimes.atZone("startsAt", LocalDateTime.parse("2020-11-18T09:00"), BERLIN, null, null))
                .isEqualTo(Instant.parse("2020-11-18T08:00:00Z"));
        assertThat(ZonedTimes.atZone("startsAt", LocalDateTime.parse("2020-07-01T09:00"), BERLIN, null, null))
                .isEqualTo(Instant.parse("2020-07-01T07:00:00Z"));
    }

    @Test
    void aLocalTimeInAGapOrAnOverlapIsRefusedNamingTheFieldUnlessAnOffsetIsChosen() {
        LocalDateTime gap = LocalDateTime.parse("2021-03-28T02:30");
        LocalDateTime overlap = LocalDateTime.parse("2021-10-31T02:30");
        assertThatThrownBy(() -> ZonedTimes.atZone("blocks[0].startsAt", gap, BERLIN, null, null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("does not exist in Europe/Berlin")
                .hasMessageNotContaining("BEFORE_CHANGE")
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("blocks[0].startsAt"));
        assertThatThrownBy(() -> ZonedTimes.atZone("startsAt", overlap, BERLIN, null, "localTimeOffset"))
                .hasMessageContaining("happens twice").hasMessageContaining("localTimeOffset BEFORE_CHANGE");
        assertThat(ZonedTimes.atZone("startsAt", overlap, BERLIN, ZonedTimes.OffsetChoice.BEFORE_CHANGE, null))
                .isEqualTo(Instant.parse("2021-10-31T00:30:00Z"));
        assertThat(ZonedTimes.atZone("startsAt", overlap, BERLIN, ZonedTimes.OffsetChoice.AFTER_CHANGE, null))
                .isEqualTo(Instant.parse("2021-10-31T01:30:00Z"));
    }

    @Test
    void anInstantIsShownWithItsOffsetZoneNameAndDayShift() {
        Instant lateInEssen = Instant.parse("2020-11-18T22:00:00Z");
        ZonedTimes.TimeInZone tokyo = ZonedTimes.TimeInZone.of(lateInEssen, TOKYO, BERLIN);
        assertThat(tokyo.localTime().toString()).isEqualTo("2020-11-19T07:00+09:00");
        assertThat(tokyo.zoneName()).isEqualTo("JST");
        assertThat(tokyo.dayShift()).isEqualTo(1);
        assertThat(ZonedTimes.TimeInZone.of(lateInEssen, BERLIN, BERLIN).zoneName()).isEqualTo("CET");
    }
}
