package org.urbancooperation.events.cooperationevent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * A span of time a reader asks about, e.g. "25 and 26 January 2023 in Tokyo": {@code from} inclusive, {@code to}
 * exclusive, either open. An event lies in it when the two overlap, so that a two-day event shows on each of its
 * days, and an event at 17:00-20:00 JST on 25 January is found by a reader asking for that day in Tokyo although it
 * is still the morning of the 25th in Brussels.
 */
public record TimeWindow(Instant from, Instant to) {

    public TimeWindow {
        if (from != null && to != null && !to.isAfter(from)) {
            throw InvalidValueException.between("to", "from", "to must come after from");
        }
    }

    /**
     * Reads the query's bounds: each a date ({@code 2023-01-25}, a whole local day on the clocks of {@code zone}; a
     * {@code to} date includes its day) or an instant with offset or Z ({@code 2023-01-25T08:00:00Z}).
     *
     * @param zone the zone the dates are days of; null when the reader named none (then dates are refused naming tz)
     * @return null when neither bound is given
     */
    public static TimeWindow parse(String from, String to, ZoneId zone) {
        if (from == null && to == null) {
            return null;
        }
        return new TimeWindow(bound("from", from, zone, false), bound("to", to, zone, true));
    }

    /** Whether an event from {@code startsAt} to {@code endsAt} overlaps this window. */
    public boolean overlaps(Instant startsAt, Instant endsAt) {
        return (to == null || startsAt.isBefore(to)) && (from == null || endsAt.isAfter(from));
    }

    private static Instant bound(String field, String text, ZoneId zone, boolean endOfDay) {
        if (text == null) {
            return null;
        }
        if (text.length() == 10) {
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidValueException(field, field + " must be a date such as 2023-01-25 or an instant "
                        + "such as 2023-01-25T08:00:00Z");
            }
            if (zone == null) {
                throw InvalidValueException.between("tz", field, "a date in " + field + " is a day on some clocks: "
                        + "name them with tz, e.g. tz=Asia/Tokyo (or give an instant with Z or an offset)");
            }
            // atStartOfDay follows the zone's rules: where a day starts at 01:00 (a DST gap at midnight) it says so.
            return Require.instant(field, (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant());
        }
        try {
            return Require.instant(field, OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, field + " must be a date such as 2023-01-25 or an instant such "
                    + "as 2023-01-25T08:00:00Z");
        }
    }
}
