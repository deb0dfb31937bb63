package org.urbancooperation.events.cooperationevent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.domain.InvalidValueException;

class TimeWindowTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void datesAreWholeLocalDaysOfTheZoneAndToIncludesItsDay() {
        TimeWindow tokyo25 = TimeWindow.parse("2023-01-25", "2023-01-25", TOKYO);
        assertThat(tokyo25.from()).isEqualTo(Instant.parse("2023-01-24T15:00:00Z"));
        assertThat(tokyo25.to()).isEqualTo(Instant.parse("2023-01-25T15:00:00Z"));
        // The 100 Cities event: 09:00-12:00 CET = 17:00-20:00 JST on the 25th.
        assertThat(tokyo25.overlaps(Instant.parse("2023-01-25T08:00:00Z"), Instant.parse("2023-01-25T11:00:00Z")))
                .isTrue();
        assertThat(tokyo25.overlaps(Instant.parse("2023-01-25T15:00:00Z"), Instant.parse("2023-01-25T16:00:00Z")))
                .as("00:00 JST on the 26th").isFalse();
        assertThat(tokyo25.overlaps(Instant.parse("2023-01-20T00:00:00Z"), Instant.parse("2023-01-24T15:00:01Z")))
                .as("a week-long event ending a second into the day").isTrue();
    }

    @Test
    void aDayOfADstChangeHasItsRealLength() {
        // 29 Mar 2020 in Berlin has 23 hours, 25 Oct 2020 has 25.
        TimeWindow spring = TimeWindow.parse("2020-03-29", "2020-03-29", BERLIN);
        assertThat(java.time.Duration.between(spring.from(), spring.to()).toHours()).isEqualTo(23);
        TimeWindow autumn = TimeWindow.parse("2020-10-25", "2020-10-25", BERLIN);
        assertThat(java.time.Duration.between(autumn.from(), autumn.to()).toHours()).isEqualTo(25);
        // Where midnight itself is skipped (Santiago de Chile, 2019-09-08), the day starts at 01:00.
        TimeWindow santiago = TimeWindow.parse("2019-09-08", null, ZoneId.of("America/Santiago"));
        assertThat(santiago.from()).isEqualTo(Instant.parse("2019-09-08T04:00:00Z"));
    }

    @Test
    void instantsNeedNoZoneAndEitherBoundMayBeOpen() {
        TimeWindow window = TimeWindow.parse("2023-01-25T08:00:00Z", null, null);
        assertThat(window.to()).isNull();
        assertThat(window.overlaps(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2023-01-25T08:00:00Z")))
                .as("ended exactly at from").isFalse();
        assertThat(window.overlaps(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-02T00:00:00Z")))
                .isTrue();
        assertThat(TimeWindow.parse(null, "2023-01-25T09:00+01:00", null).to())
                .isEqualTo(Instant.parse("2023-01-25T08:00:00Z"));
        assertThat(TimeWindow.parse(null, null, TOKYO)).isNull();
    }

    @Test
    void badBoundsAreRefusedNamingTheParameter() {
        assertFields(() -> TimeWindow.parse("2023-01-25", null, null), "tz", "from");
        assertFields(() -> TimeWindow.parse("2023-02-30", null, TOKYO), "from");
        assertFields(() -> TimeWindow.parse(null, "25.01.2023", TOKYO), "to");
        assertFields(() -> TimeWindow.parse(null, "2023-01-25T09:00", TOKYO), "to");
        assertFields(() -> TimeWindow.parse("2023-01-26", "2023-01-24", TOKYO), "to", "from");
        assertFields(() -> TimeWindow.parse("2023-01-25T10:00:00Z", "2023-01-25T10:00:00Z", null), "to", "from");
    }

    private static void assertFields(Runnable action, String... fields) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.fields()).containsExactly(fields));
    }
}
