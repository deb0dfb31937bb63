package org.urbancooperation.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * Version 2 of {@code events.CooperationEventScheduled}: a cooperation event was put on the calendars of all the
 * partnerships it belongs to, in one message. Version 1 names one partnership, so an event of several is announced
 * once per partnership in it; an event of organisers only is on no partnership's calendar and announced in neither; event-service publishes both versions, beside each other, until
 * every consumer reads version 2 (docs/event-catalogue.md says who still reads version 1).
 *
 * @param partnershipIds every partnership it belongs to, at least one
 * @param kind CONFERENCE, SEMINAR, STUDY_TOUR, TRADE_FAIR, BUSINESS_MATCHING, WEBINAR, EXCHANGE_PROGRAMME,
 *        SITE_VISIT, MEETING or CEREMONY (version 1 called it format)
 * @param timePrecision TIME, or DAY or MONTH when only whole days or months on the event's own clocks are known
 *        (startsAt and endsAt are then their bounds)
 * @param timeZone the event's own IANA zone
 * @param timeZones the zones it is shown in, its own first
 */
public record CooperationEventScheduledV2(
        UUID cooperationEventId,
        List<UUID> partnershipIds,
        String title,
        String kind,
        Instant startsAt,
        Instant endsAt,
        String timePrecision,
        String timeZone,
        List<String> timeZones,
        List<String> languages) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return cooperationEventId.toString();
    }
}
