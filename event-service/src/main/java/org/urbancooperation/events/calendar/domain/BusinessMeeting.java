package org.urbancooperation.events.calendar.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.support.domain.Require;

/**
 * A B2B meeting of a matching event as matching-service last published it, for the personal calendar feeds of its
 * two businesses. A cancelled one is kept: its entry stays in the feeds as cancelled, which is how calendar
 * programs learn to take it off.
 *
 * @param zone the matching event's zone; null when it has none (its entries are then written in UTC)
 * @param table from 1; null for an online meeting
 * @param roomLink the virtual room of an online meeting; null in person
 * @param interpreter the interpreted language pair, e.g. {@code de-ja}; null when none is needed
 * @param sequence as matching-service counts it: raised by every reschedule and the cancellation
 * @param title the matching event's title; null when unknown
 * @param cancellationReason null while not cancelled, and when cancelled without a reason
 * @param lastModified when matching-service made the change this state comes from
 */
public record BusinessMeeting(UUID meetingId, List<String> businessIds, Instant startsAt, Instant endsAt,
        ZoneId zone, Integer table, String roomLink, String interpreter, int sequence, String title,
        boolean cancelled, String cancellationReason, Instant lastModified) {

    /** The zone of entries of a meeting whose matching event names none. */
    public static final ZoneId WITHOUT_ZONE = ZoneId.of("UTC");

    public BusinessMeeting {
        Require.present("meetingId", meetingId);
        Require.present("businessIds", businessIds);
        businessIds = List.copyOf(businessIds);
        Require.present("startsAt", startsAt);
        Require.present("endsAt", endsAt);
        Require.present("lastModified", lastModified);
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a meeting ends after it starts");
        }
    }

    public boolean concerns(String businessId) {
        return businessIds.contains(businessId);
    }

    /**
     * The meeting as the given business's feed shows it: named after the other business (its id; this service knows
     * no business names), with the same UID in both businesses' feeds and through every reschedule.
     */
    public CalendarEntry entryFor(String businessId) {
        String other = businessIds.stream().filter(id -> !id.equals(businessId)).findFirst().orElse(businessId);
        String summary = "B2B meeting: " + other + (title == null ? "" : " \u2014 " + title);
        List<String> notes = new ArrayList<>();
        if (interpreter != null) {
            notes.add("Interpreter: " + interpreter);
        }
        if (cancelled) {
            notes.add(cancellationReason == null ? "Cancelled" : "Cancelled: " + cancellationReason);
        }
        return new CalendarEntry(EventCalendar.uidOf(meetingId), sequence,
                cancelled ? CalendarEntry.Status.CANCELLED : CalendarEntry.Status.CONFIRMED, summary,
                notes.isEmpty() ? null : String.join("\n", notes), table == null ? null : "Table " + table, roomLink,
                startsAt, endsAt, zone == null ? WITHOUT_ZONE : zone, lastModified, false);
    }
}
