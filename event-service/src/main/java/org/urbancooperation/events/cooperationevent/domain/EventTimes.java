package org.urbancooperation.events.cooperationevent.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ZonedTimes;

/**
 * Times as organisers enter them and as readers see them. Only java.time's zone rules decide offsets: nothing here
 * adds hours by hand.
 */
public final class EventTimes {

    /** The request field in which organisers say which offset a local time in a gap or overlap means. */
    private static final String LOCAL_TIME_OFFSET = "localTimeOffset";

    private EventTimes() {
    }

    /**
     * Reads a time given either as a local time on the clocks of {@code zone} ({@code 2023-01-25T09:00}) or as an
     * instant with an offset or Z ({@code 2023-01-25T09:00+01:00}). Kept to the second: agendas are never finer, and a
     * BSON date keeps milliseconds only.
     *
     * @param choice which offset a local time in a DST gap or overlap means; null: such a time is refused
     * @throws InvalidValueException naming {@code field} for anything else, and for a gap or overlap without choice
     */
    public static Instant resolve(String field, String text, ZoneId zone, LocalTimeOffset choice) {
        Require.present(field, text);
        Instant instant = ZonedTimes.parse(field, text, zone, offsetChoice(choice), LOCAL_TIME_OFFSET,
                () -> shape(field));
        return Require.instant(field, instant).truncatedTo(ChronoUnit.SECONDS);
    }

    /** A start and end as entered, and how much of them is known. */
    public record Period(Instant startsAt, Instant endsAt, TimePrecision precision) {
    }

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}");

    /**
     * Reads an event's start and end: both times (as {@link #resolve}), both dates ({@code 2020-10-28} to
     * {@code 2020-10-29}: those whole days on the clocks of {@code zone}, the end day included) or both months
     * ({@code 2019-08} to {@code 2019-08}: that whole month).
     *
     * @throws InvalidValueException naming the field, and naming endsAt when the two are not of one precision
     */
    public static Period period(String startsAt, String endsAt, ZoneId zone, LocalTimeOffset choice) {
        TimePrecision startPrecision = precisionOf(startsAt);
        TimePrecision endPrecision = precisionOf(endsAt);
        if (startPrecision != endPrecision) {
            throw InvalidValueException.between("endsAt", "startsAt", "startsAt and endsAt are both times, both "
                    + "dates (2020-10-28) or both months (2019-08)");
        }
        return new Period(bound("startsAt", startsAt, zone, choice, false), bound("endsAt", endsAt, zone, choice,
                true), startPrecision);
    }

    /** What a text gives: a time, a date or a month (anything else is read, and refused, as a time). */
    public static TimePrecision precisionOf(String text) {
        if (text != null && DATE.matcher(text).matches()) {
            return TimePrecision.DAY;
        }
        return text != null && MONTH.matcher(text).matches() ? TimePrecision.MONTH : TimePrecision.TIME;
    }

    /**
     * One bound: a time as {@link #resolve}; a date or month is its start on the clocks of {@code zone}, or, for the
     * end ({@code end}), the start of the next day or month, so that the last day is included.
     */
    public static Instant bound(String field, String text, ZoneId zone, LocalTimeOffset choice, boolean end) {
        try {
            switch (precisionOf(text)) {
                case DAY: {
                    java.time.LocalDate day = java.time.LocalDate.parse(text);
                    return Require.instant(field, (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant());
                }
                case MONTH: {
                    java.time.YearMonth month = java.time.YearMonth.parse(text);
                    return Require.instant(field, (end ? month.plusMonths(1) : month).atDay(1).atStartOfDay(zone)
                            .toInstant());
                }
                default:
                    return resolve(field, text, zone, choice);
            }
        } catch (DateTimeParseException e) {
            throw shape(field);
        }
    }

    /** Whether {@code instant} begins a day (or, for MONTH, a month) on the clocks of {@code zone}. */
    static boolean begins(TimePrecision precision, Instant instant, ZoneId zone) {
        java.time.ZonedDateTime local = instant.atZone(zone);
        java.time.LocalDate day = local.toLocalDate();
        return switch (precision) {
            case TIME -> true;
            case DAY -> day.atStartOfDay(zone).toInstant().equals(instant);
            case MONTH -> day.getDayOfMonth() == 1 && day.atStartOfDay(zone).toInstant().equals(instant);
        };
    }

    /** A local time on the clocks of {@code zone}: refused in a gap or an overlap unless {@code choice} says which. */
    public static Instant atZone(String field, LocalDateTime local, ZoneId zone, LocalTimeOffset choice) {
        return ZonedTimes.atZone(field, local, zone, offsetChoice(choice), LOCAL_TIME_OFFSET);
    }

    private static ZonedTimes.OffsetChoice offsetChoice(LocalTimeOffset choice) {
        return choice == null ? null : ZonedTimes.OffsetChoice.valueOf(choice.name());
    }

    /**
     * An instant on the clocks of {@code zone}, with its day relative to the event's own zone: service-support's
     * {@link ZonedTimes.TimeInZone} (matching-service shows meetings with it too) under the name this service uses.
     */
    public record TimeInZone(OffsetDateTime localTime, String zoneName, int dayShift) {

        public static TimeInZone of(Instant instant, ZoneId zone, ZoneId eventZone) {
            ZonedTimes.TimeInZone shown = ZonedTimes.TimeInZone.of(instant, zone, eventZone);
            return new TimeInZone(shown.localTime(), shown.zoneName(), shown.dayShift());
        }
    }

    /** The zone's short name in force at {@code instant}: {@link ZonedTimes#shortName}. */
    public static String shortName(ZoneId zone, Instant instant) {
        return ZonedTimes.shortName(zone, instant);
    }

    private static InvalidValueException shape(String field) {
        return new InvalidValueException(field, field + " must be a local time such as 2023-01-25T09:00 (on the "
                + "event's clocks), an instant such as 2023-01-25T09:00+01:00 or 2023-01-25T08:00Z, or for an event "
                + "whose times are not known a date (2020-10-28) or a month (2019-08)");
    }
}
