package org.urbancooperation.contracts.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A scheduled meeting will not take place (its match was cancelled, a participant dropped out, the organiser took
 * it off the schedule). It carries the meeting's last slot so that a calendar shows what was cancelled; same topic
 * and key as {@link MeetingScheduled}.
 *
 * @param sequence higher than every earlier event of this meeting
 * @param reason why, as the organiser gave it; null when none was given
 */
public record MeetingCancelled(
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
        String title,
        String reason) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return meetingId.toString();
    }
}
