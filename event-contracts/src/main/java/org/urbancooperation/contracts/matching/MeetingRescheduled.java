package org.urbancooperation.contracts.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A scheduled meeting moved to another slot, table or room (or its interpreter changed): the same meetingId with
 * a higher sequence and the meeting as it is now. On the {@code matching.meeting} topic like {@link MeetingScheduled}.
 *
 * @param meetingId stable through every reschedule (calendar programs update the entry in place by it)
 * @param businessIds the two businesses (profile ids)
 * @param timeZone the matching event's IANA zone; null when it has none
 * @param table the table, from 1; null for an online meeting
 * @param roomLink the virtual room of an online meeting; null in person
 * @param interpreter the interpreted language pair, e.g. {@code de-ja}; null when none is needed
 * @param sequence higher than every earlier event of this meeting (iCalendar's SEQUENCE)
 * @param title the matching event's title; null when unknown
 */
public record MeetingRescheduled(
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
