package org.urbancooperation.contracts.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A released schedule placed a confirmed match into a slot of a matching event: a 1:1 meeting of its two businesses.
 * The meeting is its own aggregate on the {@code matching.meeting} topic (key: meetingId), so that its reschedules
 * and its cancellation arrive in order. No contact or personal data: calendar feeds show it from this alone.
 *
 * @param meetingId stable through every reschedule (calendar programs update the entry in place by it)
 * @param businessIds the two businesses (profile ids)
 * @param timeZone the matching event's IANA zone; null when it has none
 * @param table the table, from 1; null for an online meeting
 * @param roomLink the virtual room of an online meeting; null in person
 * @param interpreter the interpreted language pair, e.g. {@code de-ja}; null when none is needed
 * @param sequence 0 when scheduled, raised by every reschedule and the cancellation (iCalendar's SEQUENCE)
 * @param title the matching event's title; null when unknown
 */
public record MeetingScheduled(
        UUID meetingId,
        UUID matchingEventId,
        UUID matchId,
        List<String> businessIds,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        Integer table,
        String roomLink,
        String interpreter,
        int sequence,
        String title) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return meetingId.toString();
    }
}
