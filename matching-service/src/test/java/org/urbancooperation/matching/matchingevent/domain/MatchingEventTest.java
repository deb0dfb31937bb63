package org.urbancooperation.matching.matchingevent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.ResultWithEvents;

class MatchingEventTest {

    private static final UUID ESSEN_KORIYAMA = UUID.fromString("0b6e7a52-3c1d-4f8e-b2a9-5d4c3e2f1a00");
    private static final Instant NINE_CET = Instant.parse("2020-11-18T08:00:00Z");
    private static final Instant NOON_CET = Instant.parse("2020-11-18T11:00:00Z");

    @Test
    void openingRaisesOpenedWithTheNewOpenEvent() {
        ResultWithEvents<MatchingEvent, MatchingEventChange> result = MatchingEvent.open(UUID.randomUUID(),
                ESSEN_KORIYAMA, "  Online business matching: products against COVID-19  ", NINE_CET, NOON_CET, 30, null);

        assertThat(result.aggregate().title()).isEqualTo("Online business matching: products against COVID-19");
        assertThat(result.aggregate().status()).isEqualTo(MatchingEventStatus.OPEN);
        assertThat(result.events()).containsExactly(new MatchingEventChange.Opened(result.aggregate()));
    }

    @Test
    void threeHoursOfHalfHourSlotsAreSixConsecutiveSlots() {
        MatchingEvent event = open(NINE_CET, NOON_CET, 30);

        assertThat(event.slotCount()).isEqualTo(6);
        assertThat(event.slots()).hasSize(6);
        assertThat(event.slots().get(0)).isEqualTo(new Slot(1, NINE_CET, Instant.parse("2020-11-18T08:30:00Z")));
        assertThat(event.slots().get(5)).isEqualTo(new Slot(6, Instant.parse("2020-11-18T10:30:00Z"), NOON_CET));
        for (int i = 1; i < event.slots().size(); i++) {
            assertThat(event.slots().get(i).startsAt()).isEqualTo(event.slots().get(i - 1).endsAt());
        }
    }

    @Test
    void timeLeftOverAtTheEndIsNotASlot() {
        MatchingEvent event = open(NINE_CET, Instant.parse("2020-11-18T09:10:00Z"), 30);

        assertThat(event.slots()).extracting(Slot::number).containsExactly(1, 2);
        assertThat(event.slots().get(1).endsAt()).isEqualTo(Instant.parse("2020-11-18T09:00:00Z"));
    }

    @Test
    void theLimitsThemselvesAreAllowed() {
        assertThat(open(NINE_CET, NINE_CET.plus(Duration.ofDays(14)), 240).slotCount()).isEqualTo(14 * 6);
        assertThat(open(NINE_CET, NINE_CET.plus(Duration.ofDays(14)), 5).slotCount()).isEqualTo(14 * 24 * 12);
        assertThat(open(NINE_CET, NINE_CET.plusSeconds(5 * 60), 5).slots()).hasSize(1);
        assertThat(MatchingEvent.open(UUID.randomUUID(), ESSEN_KORIYAMA, "x".repeat(200), NINE_CET, NOON_CET, 30, null)
                .aggregate().title()).hasSize(200);
    }

    @Test
    void timesAreKeptToTheMillisecondAsTheyAreStored() {
        MatchingEvent event = open(NINE_CET.plusNanos(1_234_567), NOON_CET.plusNanos(999_999), 30);

        assertThat(event.startsAt()).isEqualTo(NINE_CET.plusMillis(1));
        assertThat(event.endsAt()).isEqualTo(NOON_CET);
    }

    @Test
    void invalidInputNamesTheField() {
        assertField(() -> open(NOON_CET, NINE_CET, 30), "startsAt", "endsAt");
        assertField(() -> open(NINE_CET, NINE_CET, 30), "startsAt", "endsAt");
        assertField(() -> open(NINE_CET, NINE_CET.plus(Duration.ofDays(14)).plusSeconds(60), 30), "startsAt", "endsAt");
        assertField(() -> open(Instant.parse("2201-01-01T08:00:00Z"), Instant.parse("2201-01-01T11:00:00Z"), 30),
                "startsAt");
        assertField(() -> open(NINE_CET, NINE_CET.plusSeconds(29 * 60), 30), "slotMinutes");
        assertField(() -> open(NINE_CET, NOON_CET, 4), "slotMinutes");
        assertField(() -> open(NINE_CET, NOON_CET, 241), "slotMinutes");
        assertField(() -> open(null, NOON_CET, 30), "startsAt");
        assertField(() -> open(NINE_CET, null, 30), "endsAt");
        assertField(() -> MatchingEvent.open(UUID.randomUUID(), null, "Matching", NINE_CET, NOON_CET, 30, null),
                "partnershipId");
        assertField(() -> MatchingEvent.open(UUID.randomUUID(), ESSEN_KORIYAMA, " ", NINE_CET, NOON_CET, 30, null), "title");
        assertField(() -> MatchingEvent.open(UUID.randomUUID(), ESSEN_KORIYAMA, "x".repeat(201), NINE_CET, NOON_CET,
                30, null), "title");
    }

    private static MatchingEvent open(Instant startsAt, Instant endsAt, int slotMinutes) {
        return MatchingEvent.open(UUID.randomUUID(), ESSEN_KORIYAMA, "Essen - Koriyama online business matching",
                startsAt, endsAt, slotMinutes, null).aggregate();
    }

    private static void assertField(Runnable action, String... fields) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.fields()).containsExactly(fields));
    }
}
