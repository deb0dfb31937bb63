package org.urbancooperation.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A public cooperation event's details changed (title, kind, format, organisers, partnerships, programme, cities,
 * zones, languages, capacity): the whole of them after the change, in the shape of {@link CooperationEventPublished},
 * so that a consumer replaces what it knew. Its times did not change here: moves are
 * {@link CooperationEventRescheduled} and {@link CooperationEventPostponed}.
 *
 * @param kind CONFERENCE, SEMINAR, STUDY_TOUR, TRADE_FAIR, BUSINESS_MATCHING, WEBINAR, EXCHANGE_PROGRAMME,
 *        SITE_VISIT, MEETING or CEREMONY
 * @param format IN_PERSON, ONLINE or HYBRID; null when not known
 * @param organisers organisation slugs as partnership-service registered them; may be empty for an event of
 *        partnerships
 * @param programmeId null when it belongs to none
 * @param timePrecision TIME, or DAY or MONTH when only whole days or months on the event's own clocks are known
 *        (startsAt and endsAt are then their bounds); null from producers before it was added: TIME
 * @param timeZone the event's own IANA zone, in which its organisers think of its times
 * @param timeZones the zones it is shown in, its own first
 */
public record CooperationEventChanged(
        UUID cooperationEventId,
        String kind,
        String format,
        String title,
        List<String> organisers,
        List<UUID> partnershipIds,
        String programmeId,
        List<String> cities,
        String timeZone,
        List<String> timeZones,
        Instant startsAt,
        Instant endsAt,
        String timePrecision,
        List<String> languages,
        Integer capacity) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return cooperationEventId.toString();
    }
}
