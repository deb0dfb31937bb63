package org.urbancooperation.events.cooperationevent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.urbancooperation.support.domain.InvalidValueException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The zone rules over random instants and zones, and over every DST transition of Europe/Berlin, Europe/London and
 * America/New_York from 2019 to 2030. What is expected is computed from java.time's rules by another path
 * (ZonedDateTime arithmetic), never from hand-made offsets.
 */
class EventTimesPropertiesTest {

    static final List<String> DST_ZONES = List.of("Europe/Berlin", "Europe/London", "America/New_York");
    static final Instant FROM = Instant.parse("2019-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2031-01-01T00:00:00Z");

    /** Every transition of the three zones in 2019-2030: 2 a year each, 72 in all. */
    static List<ZoneOffsetTransition> transitions() {
        List<ZoneOffsetTransition> all = new ArrayList<>();
        for (String id : DST_ZONES) {
            ZoneOffsetTransition t = ZoneId.of(id).getRules().nextTransition(FROM);
            while (t != null && t.getInstant().isBefore(TO)) {
                all.add(t);
                t = ZoneId.of(id).getRules().nextTransition(t.getInstant());
            }
        }
        return all;
    }

    record AtTransition(String zone, ZoneOffsetTransition transition, long secondsAround) {
    }

    @Provide
    Arbitrary<AtTransition> aroundTransitions() {
        List<AtTransition> base = new ArrayList<>();
        for (String id : DST_ZONES) {
            ZoneOffsetTransition t = ZoneId.of(id).getRules().nextTransition(FROM);
            while (t != null && t.getInstant().isBefore(TO)) {
                base.add(new AtTransition(id, t, 0));
                t = ZoneId.of(id).getRules().nextTransition(t.getInstant());
            }
        }
        return Combinators.combine(Arbitraries.of(base), Arbitraries.longs().between(-3 * 3600, 3 * 3600)
                .edgeCases(c -> c.add(0L).add(-1L).add(1L).add(-3600L).add(3600L)))
                .as((a, seconds) -> new AtTransition(a.zone(), a.transition(), seconds));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FROM.getEpochSecond(), TO.getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.getAvailableZoneIds().stream().sorted().toList()).map(ZoneId::of)
                .edgeCases(c -> DST_ZONES.forEach(z -> c.add(ZoneId.of(z))));
    }

    @Property(tries = 2000)
    void anInstantGivenWithAnyOffsetIsThatInstant(@ForAll("instants") Instant instant, @ForAll("zones") ZoneId zone,
            @ForAll("zones") ZoneId eventZone) {
        String typed = instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        assertThat(EventTimes.resolve("startsAt", typed, eventZone, null)).isEqualTo(instant);
    }

    @Property(tries = 2000)
    void aLocalTimeReadBackOnTheEventsClocksIsTheTimeTyped(@ForAll("instants") Instant instant,
            @ForAll("zones") ZoneId zone) {
        LocalDateTime local = instant.atZone(zone).toLocalDateTime();
        boolean unambiguous = zone.getRules().getValidOffsets(local).size() == 1;
        if (unambiguous) {
            Instant resolved = EventTimes.resolve("startsAt", local.toString(), zone, null);
            assertThat(resolved.atZone(zone).toLocalDateTime()).isEqualTo(local);
            assertThat(resolved).isEqualTo(instant);
        } else {
            assertThatThrownBy(() -> EventTimes.resolve("startsAt", local.toString(), zone, null))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.fields()).containsExactly("startsAt"));
        }
    }

    @Property(tries = 3000)
    void aroundEveryTransitionLocalTimesAreRefusedOrResolvedAsAsked(@ForAll("aroundTransitions") AtTransition at) {
        ZoneId zone = ZoneId.of(at.zone());
        ZoneOffsetTransition t = at.transition();
        LocalDateTime local = t.getDateTimeBefore().plusSeconds(at.secondsAround());
        List<ZoneOffset> valid = zone.getRules().getValidOffsets(local);
        if (valid.size() == 1) {
            for (LocalTimeOffset choice : LocalTimeOffset.values()) {
                // A time outside the gap or overlap means what it says whatever the choice.
                assertThat(EventTimes.resolve("startsAt", local.toString(), zone, choice))
                        .isEqualTo(ZonedDateTime.of(local, zone).toInstant());
            }
            return;
        }
        assertThat(t.isGap()).isEqualTo(valid.isEmpty());
        assertThatThrownBy(() -> EventTimes.resolve("sessions[2].startsAt", local.toString(), zone, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.fields()).containsExactly("sessions[2].startsAt");
                    assertThat(e.getMessage()).contains(zone.getId());
                });
        Instant before = EventTimes.resolve("startsAt", local.toString(), zone, LocalTimeOffset.BEFORE_CHANGE);
        Instant after = EventTimes.resolve("startsAt", local.toString(), zone, LocalTimeOffset.AFTER_CHANGE);
        assertThat(before).isEqualTo(local.toInstant(t.getOffsetBefore()));
        assertThat(after).isEqualTo(local.toInstant(t.getOffsetAfter()));
        if (t.isOverlap()) {
            // Both are real readings of that local time: the first and the second time the clocks show it.
            assertThat(before.atZone(zone).toLocalDateTime()).isEqualTo(local);
            assertThat(after.atZone(zone).toLocalDateTime()).isEqualTo(local);
            assertThat(before).isEqualTo(ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap()
                    .toInstant());
            assertThat(Duration.between(before, after)).isEqualTo(t.getDuration().negated());
        } else {
            // In a gap the clocks never show it; each choice lands the gap's length away from the other.
            assertThat(Duration.between(after, before)).isEqualTo(t.getDuration());
        }
    }

    @Property(tries = 2000)
    void aTimeInAZoneHasThatZonesOffsetNameAndDayShift(@ForAll("instants") Instant instant,
            @ForAll("zones") ZoneId zone, @ForAll("zones") ZoneId eventZone) {
        EventTimes.TimeInZone shown = EventTimes.TimeInZone.of(instant, zone, eventZone);
        ZonedDateTime there = instant.atZone(zone);
        assertThat(shown.localTime().toInstant()).isEqualTo(instant);
        assertThat(shown.localTime().getOffset()).isEqualTo(zone.getRules().getOffset(instant));
        assertThat(shown.localTime().toLocalDateTime()).isEqualTo(there.toLocalDateTime());
        assertThat(shown.dayShift()).isEqualTo(
                (int) ChronoUnit.DAYS.between(instant.atZone(eventZone).toLocalDate(), there.toLocalDate()));
        String printed = DateTimeFormatter.ofPattern("z", Locale.ENGLISH).format(there);
        if (shown.zoneName() != null) {
            assertThat(shown.zoneName()).isEqualTo(printed);
        } else {
            assertThat(printed).matches("(GMT|UTC)[+-].*");
        }
    }

    @Property(tries = 1000)
    void aroundEveryTransitionTheShortNameAndOffsetFollowTheRules(@ForAll("aroundTransitions") AtTransition at) {
        ZoneId zone = ZoneId.of(at.zone());
        Instant instant = at.transition().getInstant().plusSeconds(at.secondsAround());
        EventTimes.TimeInZone shown = EventTimes.TimeInZone.of(instant, zone, ZoneId.of("Asia/Tokyo"));
        ZoneOffset expected = at.secondsAround() < 0 ? at.transition().getOffsetBefore()
                : at.transition().getOffsetAfter();
        assertThat(shown.localTime().getOffset()).isEqualTo(expected);
        boolean summer = zone.getRules().isDaylightSavings(instant);
        List<String> names = switch (at.zone()) {
            case "Europe/Berlin" -> List.of(summer ? "CEST" : "CET");
            case "Europe/London" -> List.of(summer ? "BST" : "GMT");
            default -> List.of(summer ? "EDT" : "EST");
        };
        assertThat(shown.zoneName()).isIn(names);
    }

    @Property(tries = 1000)
    void aSessionCrossingMidnightOrLastingDaysKeepsItsLengthAndEndsOnTheRightDay(
            @ForAll("instants") Instant start, @ForAll("zones") ZoneId zone, @ForAll("zones") ZoneId eventZone,
            @ForAll("lengths") long minutes) {
        Instant end = start.plus(Duration.ofMinutes(minutes));
        EventTimes.TimeInZone s = EventTimes.TimeInZone.of(start, zone, eventZone);
        EventTimes.TimeInZone e = EventTimes.TimeInZone.of(end, zone, eventZone);
        assertThat(Duration.between(s.localTime().toInstant(), e.localTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(minutes));
        long days = ChronoUnit.DAYS.between(s.localTime().toLocalDate(), e.localTime().toLocalDate());
        assertThat(days).isEqualTo(ChronoUnit.DAYS.between(start.atZone(zone).toLocalDate(),
                end.atZone(zone).toLocalDate()));
        // The same session typed as local times on the event's clocks comes back as the same instants.
        LocalDateTime localStart = start.atZone(eventZone).toLocalDateTime();
        LocalDateTime localEnd = end.atZone(eventZone).toLocalDateTime();
        if (eventZone.getRules().getValidOffsets(localStart).size() == 1
                && eventZone.getRules().getValidOffsets(localEnd).size() == 1) {
            assertThat(EventTimes.resolve("startsAt", localStart.toString(), eventZone, null)).isEqualTo(start);
            assertThat(EventTimes.resolve("endsAt", localEnd.toString(), eventZone, null)).isEqualTo(end);
        }
    }

    @Provide
    Arbitrary<Long> lengths() {
        // Short sessions, ones around midnight-crossing lengths, and multi-day ones up to 31 days.
        return Arbitraries.oneOf(Arbitraries.longs().between(1, 24 * 60),
                Arbitraries.longs().between(24 * 60, 31 * 24 * 60));
    }

    @Property(tries = 10)
    void thereAre72TransitionsIn2019To2030() {
        assertThat(transitions()).hasSize(72);
    }
}
