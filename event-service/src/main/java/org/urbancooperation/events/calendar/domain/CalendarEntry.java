package org.urbancooperation.events.calendar.domain;

import java.time.Instant;
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
 */
public record CalendarEntry(String uid, int sequence, Status status, String summary, String description,
        String location, String url, Instant startsAt, Instant endsAt, ZoneId zone,
        Instant lastModified) {

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
    }
}
