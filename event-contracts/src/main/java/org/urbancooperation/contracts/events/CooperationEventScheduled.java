package org.urbancooperation.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A cooperation event (study tour, joint seminar, trade fair, conference, business matching) was
 * put on a partnership's calendar. Times are instants; {@code timeZones} are the IANA zones the
 * agenda is shown in (e.g. Europe/Berlin and Asia/Tokyo for CET and JST).
 *
 * @param format the event's kind: CONFERENCE, SEMINAR, STUDY_TOUR, TRADE_FAIR, BUSINESS_MATCHING, WEBINAR,
 *        EXCHANGE_PROGRAMME, SITE_VISIT, MEETING or CEREMONY (JOINT_SEMINAR and WORKSHOP only from before issue 12)
 */
public record CooperationEventScheduled(
        UUID cooperationEventId,
        UUID partnershipId,
        String title,
        String format,
        Instant startsAt,
        Instant endsAt,
        List<String> timeZones,
        List<String> languages) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return cooperationEventId.toString();
    }
}
