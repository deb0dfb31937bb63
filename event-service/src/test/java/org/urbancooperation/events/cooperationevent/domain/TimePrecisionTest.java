package org.urbancooperation.events.cooperationevent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.domain.InvalidValueException;

/** Events whose sources give only days or months: whole days or months on the event's own clocks. */
class TimePrecisionTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void datesAreWholeDaysWithTheLastIncluded() {
        // "REIF Fukushima: Oct. 28-29, 2020", in Koriyama.
        EventTimes.Period reif = EventTimes.period("2020-10-28", "2020-10-29", TOKYO, null);
        assertThat(reif.precision()).isEqualTo(TimePrecision.DAY);
        assertThat(reif.startsAt()).isEqualTo(Instant.parse("2020-10-27T15:00:00Z"));
        assertThat(reif.endsAt()).isEqualTo(Instant.parse("2020-10-29T15:00:00Z"));
        CooperationEvent event = event(reif, TOKYO);
        assertThat(event.timePrecision()).isEqualTo(TimePrecision.DAY);
    }

    @Test
    void monthsAreWholeMonthsAcrossDstChanges() {
        // "Study tour to Essen on Stadtwerke in Aug. 2019".
        EventTimes.Period august = EventTimes.period("2019-08", "2019-08", BERLIN, null);
        assertThat(august.precision()).isEqualTo(TimePrecision.MONTH);
        assertThat(august.startsAt()).isEqualTo(Instant.parse("2019-07-31T22:00:00Z"));
        assertThat(august.endsAt()).isEqualTo(Instant.parse("2019-08-31T22:00:00Z"));
        // October 2019 starts in summer time and ends in winter time.
        EventTimes.Period october = EventTimes.period("2019-10", "2019-10", BERLIN, null);
        assertThat(october.startsAt()).isEqualTo(Instant.parse("2019-09-30T22:00:00Z"));
        assertThat(october.endsAt()).isEqualTo(Instant.parse("2019-10-31T23:00:00Z"));
        assertThat(event(october, BERLIN).timePrecision()).isEqualTo(TimePrecision.MONTH);
    }

    @Test
    void badOrMixedBoundsAreRefusedNamingTheField() {
        assertFields(() -> EventTimes.period("2019-08", "2019-08-27", BERLIN, null), "endsAt", "startsAt");
        assertFields(() -> EventTimes.period("2020-10-28", "2020-10-29T17:00", TOKYO, null), "endsAt", "startsAt");
        assertFields(() -> EventTimes.period("2019-13", "2019-13", BERLIN, null), "startsAt");
        assertFields(() -> EventTimes.period("2020-02-30", "2020-03-01", BERLIN, null), "startsAt");
        assertFields(() -> event(EventTimes.period("2020-10-29", "2020-10-27", TOKYO, null), TOKYO), "startsAt",
                "endsAt");
        // A day-precise event must begin and end at the start of a day on its own clocks.
        assertFields(() -> event(new EventTimes.Period(Instant.parse("2020-10-27T16:00:00Z"),
                Instant.parse("2020-10-29T15:00:00Z"), TimePrecision.DAY), TOKYO), "startsAt");
        assertFields(() -> event(new EventTimes.Period(Instant.parse("2019-07-31T22:00:00Z"),
                Instant.parse("2019-08-30T22:00:00Z"), TimePrecision.MONTH), BERLIN), "endsAt");
    }

    @Test
    void aRescheduleMayLearnTheTimes() {
        CooperationEvent august = event(EventTimes.period("2019-08", "2019-08", BERLIN, null), BERLIN);
        CooperationEvent known = august.reschedule(EventTimes.period("2019-08-26T09:00", "2019-08-30T17:00", BERLIN,
                null)).aggregate();
        assertThat(known.timePrecision()).isEqualTo(TimePrecision.TIME);
        assertThat(known.startsAt()).isEqualTo(Instant.parse("2019-08-26T07:00:00Z"));
    }

    private static CooperationEvent event(EventTimes.Period times, ZoneId zone) {
        return CooperationEvent.draft(UUID.randomUUID(), new CooperationEvent.Details(EventKind.TRADE_FAIR, null,
                "REIF Fukushima 2020", null, null, null, List.of("city-of-koriyama"), List.of(), null, List.of(),
                zone, List.of(), times.startsAt(), times.endsAt(), times.precision(), List.of(), List.of(), null,
                List.of())).aggregate();
    }

    private static void assertFields(Runnable action, String... fields) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.fields()).containsExactly(fields));
    }
}
