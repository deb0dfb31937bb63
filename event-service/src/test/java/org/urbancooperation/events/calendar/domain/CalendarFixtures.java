package org.urbancooperation.events.calendar.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.EventFormat;
import org.urbancooperation.events.cooperationevent.domain.EventKind;
import org.urbancooperation.events.cooperationevent.domain.Session;
import org.urbancooperation.events.cooperationevent.domain.SessionKind;
import org.urbancooperation.events.cooperationevent.domain.Speaker;
import org.urbancooperation.events.cooperationevent.domain.TimePrecision;
import org.urbancooperation.events.cooperationevent.domain.Venue;
import org.urbancooperation.support.domain.LocalizedText;

/** Events as the cooperation event domain makes them (draft, agenda, publish), for the calendar tests. */
public final class CalendarFixtures {

    public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private CalendarFixtures() {
    }

    /** The 100 Cities event's frame: 25-26 Jan 2023, 09:00-12:00 CET, online, in Brussels' zone. */
    public static CooperationEvent draft(ZoneId zone, String start, String end) {
        return draft(zone, start, end, TimePrecision.TIME);
    }

    /** The same frame known only to the day or month: start and end are then starts of days on the zone's clocks. */
    public static CooperationEvent draft(ZoneId zone, String start, String end, TimePrecision precision) {
        return CooperationEvent.draft(UUID.randomUUID(), new CooperationEvent.Details(EventKind.CONFERENCE,
                EventFormat.HYBRID, "EU-Japan 100 Cities Event on Climate Action", new LocalizedText(Map.of("en",
                        "City-level cooperation")), new Venue("Messe Essen", "Norbertstraße 2", "Essen"),
                "https://example.org/live/100-cities", List.of("iges"), List.of(), null, List.of(), zone, List.of(),
                Instant.parse(start), Instant.parse(end), precision, List.of("en", "ja"), List.of(), null,
                List.of())).aggregate();
    }

    public static Session session(UUID id, String title, String start, String end, String... speakers) {
        return new Session(id, SessionKind.PANEL, title == null ? null : new LocalizedText(Map.of("en", title)), null,
                Instant.parse(start), Instant.parse(end), "Room 1", null,
                java.util.Arrays.stream(speakers).map(n -> new Speaker(n, "Mayor", "City of Kyoto", null, null,
                        false)).toList(), List.of(), List.of(), List.of("en"), List.of());
    }

    /** Replaces the working agenda and publishes it (the first time: the event itself). */
    public static CooperationEvent publish(CooperationEvent event, Instant at, Session... sessions) {
        CooperationEvent changed = event.changeAgenda(List.of(sessions)).aggregate();
        return event.status().isPublic() ? changed.publishAgenda(at).aggregate() : changed.publish(at).aggregate();
    }
}
