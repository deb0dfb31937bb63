package org.urbancooperation.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A cooperation event took place (published once it has ended). It counts for every partnership in
 * {@code partnershipIds}: one event such as the EU-Japan 100 Cities Event may serve several. A later
 * {@link CooperationEventCancelled} of the same {@code cooperationEventId} (higher aggregate version) takes it back.
 *
 * @param format the event's kind: CONFERENCE, SEMINAR, STUDY_TOUR, TRADE_FAIR, BUSINESS_MATCHING, WEBINAR,
 *        EXCHANGE_PROGRAMME, SITE_VISIT, MEETING or CEREMONY (JOINT_SEMINAR and WORKSHOP only from before issue 12)
 */
public record CooperationEventHeld(
        UUID cooperationEventId,
        List<UUID> partnershipIds,
        String title,
        String format,
        Instant startsAt,
        Instant endsAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return cooperationEventId.toString();
    }
}
