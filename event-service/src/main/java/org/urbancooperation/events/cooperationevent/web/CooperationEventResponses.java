package org.urbancooperation.events.cooperationevent.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.urbancooperation.events.cooperationevent.domain.AgendaChange;
import org.urbancooperation.events.cooperationevent.domain.AgendaVersion;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.EventFormat;
import org.urbancooperation.events.cooperationevent.domain.EventKind;
import org.urbancooperation.events.cooperationevent.domain.EventStatus;
import org.urbancooperation.events.cooperationevent.domain.EventTimes;
import org.urbancooperation.events.cooperationevent.domain.Interpretation;
import org.urbancooperation.events.cooperationevent.domain.Material;
import org.urbancooperation.events.cooperationevent.domain.Session;
import org.urbancooperation.events.cooperationevent.domain.SessionKind;
import org.urbancooperation.events.cooperationevent.domain.Speaker;
import org.urbancooperation.events.cooperationevent.domain.TimePrecision;
import org.urbancooperation.events.cooperationevent.domain.Venue;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.paging.Page;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the API answers: instants plus, for each zone asked for, the same times on that zone's clocks. */
final class CooperationEventResponses {

    private CooperationEventResponses() {
    }

    /** The day or month an instant falls in on the event's own clocks, as far as the event's times are known. */
    static String knownDate(CooperationEvent e, Instant instant) {
        java.time.LocalDate day = instant.atZone(e.timeZone()).toLocalDate();
        return switch (e.timePrecision()) {
            case TIME -> null;
            case DAY -> day.toString();
            case MONTH -> java.time.YearMonth.from(day).toString();
        };
    }

    /** A text by language as this API has always shown it: {} when there is none. */
    static Map<String, String> texts(LocalizedText text) {
        return text == null ? Map.of() : text.values();
    }

    @Schema(description = "A start and end on one zone's clocks")
    record LocalTimesResponse(
            @Schema(example = "Asia/Tokyo") String timeZone,
            @Schema(example = "2023-01-25T17:00:00+09:00") OffsetDateTime startsAt,
            @Schema(example = "2023-01-25T20:00:00+09:00") OffsetDateTime endsAt,
            @Schema(description = "the zone's short name at the start (CET, CEST, JST); null where it has none",
                    types = {"string", "null"}, example = "JST") String startZoneName,
            @Schema(types = {"string", "null"}, example = "JST") String endZoneName,
            @Schema(description = "days between the start's date here and on the event's own clocks (+1: already "
                    + "the next day here)", example = "0") int startDayShift,
            @Schema(example = "0") int endDayShift) {

        static LocalTimesResponse of(Instant start, Instant end, ZoneId zone, ZoneId eventZone) {
            EventTimes.TimeInZone s = EventTimes.TimeInZone.of(start, zone, eventZone);
            EventTimes.TimeInZone e = EventTimes.TimeInZone.of(end, zone, eventZone);
            return new LocalTimesResponse(zone.getId(), s.localTime(), e.localTime(), s.zoneName(), e.zoneName(),
                    s.dayShift(), e.dayShift());
        }

        static List<LocalTimesResponse> all(Instant start, Instant end, List<ZoneId> zones, ZoneId eventZone) {
            return zones.stream().map(zone -> of(start, end, zone, eventZone)).toList();
        }
    }

    record VenueResponse(String name, String address, String city) {

        static VenueResponse of(Venue v) {
            return v == null ? null : new VenueResponse(v.name(), v.address(), v.city());
        }
    }

    record InterpretationResponse(String language, String otherLanguage, Interpretation.Mode mode, String channel) {

        static List<InterpretationResponse> of(List<Interpretation> pairs) {
            return pairs.stream().map(i -> new InterpretationResponse(i.language(), i.otherLanguage(), i.mode(),
                    i.channel())).toList();
        }
    }

    record CooperationEventResponse(UUID id, EventKind kind, EventFormat format, String title,
            Map<String, String> descriptions, VenueResponse venue, String onlineLink, List<String> organisers,
            List<UUID> partnershipIds, String programmeId, List<String> cities,
            @Schema(description = "the event's own IANA zone: local times are entered in it, day shifts counted "
                    + "from it", example = "Europe/Brussels") String timeZone,
            @Schema(description = "the zones it is shown in when the reader names none") List<String> timeZones,
            Instant startsAt, Instant endsAt,
            @Schema(description = "how much of the times is known: TIME, or only whole DAYs or MONTHs on the event's "
                    + "own clocks (then startsAt and endsAt are the bounds of those days or months, and startDate and "
                    + "endDate say which)") TimePrecision timePrecision,
            @Schema(types = {"string", "null"}, description = "for DAY and MONTH: the first day (2020-10-28) or month "
                    + "(2019-08) on the event's own clocks; null for TIME", example = "2020-10-28") String startDate,
            @Schema(types = {"string", "null"}, description = "for DAY and MONTH: the last day or month, included",
                    example = "2020-10-29") String endDate,
            @Schema(description = "start and end on the clocks of each zone asked for (tz), or of timeZones")
            List<LocalTimesResponse> localTimes,
            List<String> languages, List<InterpretationResponse> interpretation, Integer capacity,
            @Schema(description = "the event's own documents; its sessions' are in the agenda")
            List<MaterialResponse> materials,
            EventStatus status, String statusReason,
            @Schema(types = {"integer", "null"}, description = "the latest published agenda version; null before "
                    + "the first") Integer agendaVersion,
            long version) {

        static CooperationEventResponse of(Versioned<CooperationEvent> v, List<ZoneId> zones) {
            CooperationEvent e = v.aggregate();
            return new CooperationEventResponse(e.id(), e.kind(), e.format(), e.title(), texts(e.descriptions()),
                    VenueResponse.of(e.venue()), e.onlineLink(), e.organisers(), e.partnershipIds(), e.programmeId(),
                    e.cities(), e.timeZone().getId(), e.timeZones().stream().map(ZoneId::getId).toList(),
                    e.startsAt(), e.endsAt(), e.timePrecision(), knownDate(e, e.startsAt()),
                    knownDate(e, e.endsAt().minusSeconds(1)),
                    LocalTimesResponse.all(e.startsAt(), e.endsAt(), zones.isEmpty() ? e.timeZones() : zones,
                            e.timeZone()),
                    e.languages(), InterpretationResponse.of(e.interpretation()), e.capacity(),
                    MaterialResponse.of(e.materials()), e.status(),
                    e.statusReason(), e.latestAgenda().map(AgendaVersion::number).orElse(null), v.version());
        }
    }

    /** One page of cooperation events: the platform's one list shape. */
    record CooperationEventPage(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<CooperationEventResponse> items,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {"string", "null"},
                    description = "the cursor of the next page, for the cursor parameter; null on the last page")
            String next) {

        static CooperationEventPage of(Page<Versioned<CooperationEvent>> page, List<ZoneId> zones) {
            return new CooperationEventPage(page.items().stream().map(v -> CooperationEventResponse.of(v, zones))
                    .toList(), page.next());
        }
    }

    record SpeakerResponse(String name, String title, String organisation, String city, String country,
            boolean videoMessage) {

        static List<SpeakerResponse> of(List<Speaker> people) {
            return people.stream().map(p -> new SpeakerResponse(p.name(), p.title(), p.organisation(), p.city(),
                    p.country(), p.videoMessage())).toList();
        }
    }

    record MaterialResponse(String title, String url, String language, String mediaType, Long sizeBytes) {

        static List<MaterialResponse> of(List<Material> materials) {
            return materials.stream().map(m -> new MaterialResponse(m.title(), m.url(), m.language(), m.mediaType(),
                    m.sizeBytes())).toList();
        }
    }

    record SessionResponse(UUID id, SessionKind kind, Map<String, String> titles, Map<String, String> descriptions,
            Instant startsAt, Instant endsAt, List<LocalTimesResponse> localTimes, String room, String channel,
            List<SpeakerResponse> speakers, List<SpeakerResponse> moderators, List<MaterialResponse> materials,
            List<String> languages, List<InterpretationResponse> interpretation) {

        static SessionResponse of(Session s, List<ZoneId> zones, ZoneId eventZone) {
            return new SessionResponse(s.id(), s.kind(), texts(s.titles()), texts(s.descriptions()), s.startsAt(),
                    s.endsAt(),
                    LocalTimesResponse.all(s.startsAt(), s.endsAt(), zones, eventZone), s.room(), s.channel(),
                    SpeakerResponse.of(s.speakers()), SpeakerResponse.of(s.moderators()),
                    MaterialResponse.of(s.materials()), s.languages(), InterpretationResponse.of(s.interpretation()));
        }
    }

    @Schema(description = "The sessions of one day: the day is the session's start date on the event's own clocks")
    record AgendaDayResponse(@Schema(example = "2023-01-25") LocalDate date, List<SessionResponse> sessions) {
    }

    /**
     * @param agendaVersion null for the working agenda
     */
    record AgendaResponse(UUID cooperationEventId, Integer agendaVersion, Instant publishedAt, String timeZone,
            List<String> shownIn, List<AgendaDayResponse> days, List<AgendaChangeResponse> changes) {

        static AgendaResponse of(CooperationEvent e, Integer number, Instant publishedAt, List<Session> sessions,
                List<AgendaChange> changes, List<ZoneId> zones) {
            List<ZoneId> shown = zones.isEmpty() ? e.timeZones() : zones;
            Map<LocalDate, List<SessionResponse>> days = new LinkedHashMap<>();
            for (Session s : sessions) {
                days.computeIfAbsent(s.startsAt().atZone(e.timeZone()).toLocalDate(), d -> new ArrayList<>())
                        .add(SessionResponse.of(s, shown, e.timeZone()));
            }
            return new AgendaResponse(e.id(), number, publishedAt, e.timeZone().getId(),
                    shown.stream().map(ZoneId::getId).toList(),
                    days.entrySet().stream().map(d -> new AgendaDayResponse(d.getKey(), d.getValue())).toList(),
                    AgendaChangeResponse.of(changes));
        }

        static AgendaResponse of(CooperationEvent e, AgendaVersion v, List<ZoneId> zones) {
            return of(e, v.number(), v.publishedAt(), v.sessions(), v.changes(), zones);
        }
    }

    record PeriodResponse(Instant startsAt, Instant endsAt) {

        static PeriodResponse of(AgendaChange.Period p) {
            return p == null ? null : new PeriodResponse(p.startsAt(), p.endsAt());
        }
    }

    @Schema(description = "What happened to one session: ADDED (to), REMOVED (from), MOVED (from, to), "
            + "SPEAKERS_CHANGED (speakersBefore, speakersAfter) or DETAILS_CHANGED")
    record AgendaChangeResponse(AgendaChange.Type type, UUID sessionId, PeriodResponse from, PeriodResponse to,
            List<String> speakersBefore, List<String> speakersAfter) {

        static List<AgendaChangeResponse> of(List<AgendaChange> changes) {
            return changes.stream().map(c -> new AgendaChangeResponse(c.type(), c.sessionId(),
                    PeriodResponse.of(c.from()), PeriodResponse.of(c.to()), c.speakersBefore(), c.speakersAfter()))
                    .toList();
        }
    }

    record AgendaVersionSummary(int agendaVersion, Instant publishedAt, int sessions,
            List<AgendaChangeResponse> changes) {
    }

    record AgendaHistoryResponse(UUID cooperationEventId, List<AgendaVersionSummary> versions) {

        static AgendaHistoryResponse of(CooperationEvent e) {
            return new AgendaHistoryResponse(e.id(), e.agendaVersions().stream().map(v -> new AgendaVersionSummary(
                    v.number(), v.publishedAt(), v.sessions().size(), AgendaChangeResponse.of(v.changes()))).toList());
        }
    }
}
