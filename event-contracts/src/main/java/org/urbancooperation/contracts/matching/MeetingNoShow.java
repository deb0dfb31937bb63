package org.urbancooperation.contracts.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A 1:1 (B2B) meeting of a matching event did not take place because one or both businesses did not come: recorded
 * after its slot, by the organiser or by matching-service once the slot is long over. Keyed like {@link MeetingHeld},
 * whose counterpart it is (a meeting is held or a no-show, never both at once; the later event wins).
 *
 * @param absentBusinessIds the businesses that did not check in (one or both)
 * @param endsAt the end of the meeting's slot
 */
public record MeetingNoShow(
        UUID meetingId,
        UUID matchingEventId,
        UUID matchId,
        List<UUID> partnershipIds,
        List<String> absentBusinessIds,
        Instant endsAt,
        Instant recordedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return matchingEventId.toString();
    }
}
