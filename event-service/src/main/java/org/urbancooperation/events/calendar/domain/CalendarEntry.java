package org.urbancooperation.events.calendar.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.urbancooperation.support.domain.Require;

/**
 * One entry of a calendar feed (an iCalendar VEVENT): a session of a published agenda, a whole event without
 * agenda, or later a B2B meeting. Calendar programs recognise an entry again by its UID and take it as newer when
 * its SEQUENCE is higher, which is how a moved or cancelled session updates in place.
 *
 * @param uid stable for the life of the thing it shows, unique across every feed
 * @param zone the zone whose clocks DTSTART and DTEND are written on (with a VTIMEZONE for it)
 * @param location venue, room or channel; null when unknown
 * @param url the online link; null when none
 * @param lastModified when what the entry shows was last published
 * @param allDay only the days are known (an event dated to the day or month): startsAt and endsAt are starts of days
 *        on the zone's clocks, endsAt the day after the last one (exclusive, as iCalendar's all-day DTEND), and the
 *        entry is written with dates, so that no calendar shows a made-up 00:00 start
 */
public record CalendarEntry(String uid, int sequence, Status status, String summary, String description,
        String location, String url, Instant startsAt, Instant endsAt, ZoneId zone,
        Instant lastModified, boolean allDay) {

    /** RFC 5545's VEVENT statuses. */
    public enum Status {
        CONFIRMED,
        /** the event was postponed and this session's new time is not published yet */
        TENTATIVE,
        CANCELLED
    }

    public CalendarEntry {
        Require.present("uid", uid);
        Require.present("status", status);
        Require.present("startsAt", startsAt);
        Require.present("endsAt", endsAt);
        Require.present("zone", zone);
        Require.present("lastModified", lastModified);
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        if (allDay && (!startsDay(startsAt, zone) || !startsDay(endsAt, zone) || !endsAt.isAfter(startsAt))) {
            // A date cannot say "from 13:00": writing one would move the entry to another time without a trace.
            throw new IllegalArgumentException("an all-day entry runs from the start of a day to the start of a "
                    + "later day in " + zone.getId() + ", not " + startsAt + " to " + endsAt);
        }
    }

    /** The first day of an all-day entry, on its zone's clocks. */
    public LocalDate startDate() {
        return LocalDate.ofInstant(startsAt, zone);
    }

    /** The day after the last day of an all-day entry (exclusive, as DTEND;VALUE=DATE). */
    public LocalDate endDateExclusive() {
        return LocalDate.ofInstant(endsAt, zone);
    }

    private static boolean startsDay(Instant instant, ZoneId zone) {
        // atStartOfDay, not midnight: where the clocks skip midnight (a DST change at 00:00) a day starts at 01:00.
        return LocalDate.ofInstant(instant, zone).atStartOfDay(zone).toInstant().equals(instant);
    }
}
