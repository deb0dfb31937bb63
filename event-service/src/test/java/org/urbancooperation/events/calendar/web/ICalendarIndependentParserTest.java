package org.urbancooperation.events.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.BRUSSELS;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.TOKYO;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.draft;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.publish;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

import org.junit.jupiter.api.Test;
import org.urbancooperation.events.calendar.domain.CalendarEntry;
import org.urbancooperation.events.calendar.domain.EventCalendar;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.TimePrecision;

import tools.jackson.databind.JsonNode;

/**
 * What biweekly writes, read back by an independent parser (python3-icalendar) and compared field by field: UIDs,
 * starts and ends on the event's clocks whose instants (resolved through the document's own VTIMEZONE) are the
 * sessions' instants, SEQUENCE going up after a reschedule, STATUS:CANCELLED for a removed session, and a VTIMEZONE
 * for every TZID giving the right offsets in summer and winter.
 */
class ICalendarIndependentParserTest {

    static final String WINTER = "2023-01-25T12:00:00Z";
    static final String SUMMER = "2023-07-15T12:00:00Z";

    final UUID opening = UUID.randomUUID();
    final UUID panel = UUID.randomUUID();
    final UUID closing = UUID.randomUUID();
    final UUID tokyoPanel = UUID.randomUUID();
    final UUID summerPanel = UUID.randomUUID();

    @Test
    void everyFieldReadsBackAsWrittenAcrossTwoZonesAndAReschedule() {
        // Brussels in winter (CET), another Brussels event in summer (CEST), one on Tokyo's clocks (JST, no DST).
        CooperationEvent v1 = publish(draft(BRUSSELS, "2023-01-25T08:00:00Z", "2023-01-26T11:00:00Z"),
                Instant.parse("2023-01-10T10:00:00Z"),
                session(opening, "Opening remarks", "2023-01-25T08:00:00Z", "2023-01-25T08:15:00Z"),
                session(panel, "Panel 1: Energy Security", "2023-01-25T08:45:00Z", "2023-01-25T09:40:00Z"),
                session(closing, "Closing", "2023-01-26T10:45:00Z", "2023-01-26T11:00:00Z"));
        Map<String, JsonNode> before = byUid(PythonICalendar.parse(ICalendarFormat.write("100 Cities",
                EventCalendar.entriesOf(v1, 3))));
        assertThat(before.get(uid(panel)).path("sequence").asInt()).isZero();

        CooperationEvent v2 = publish(v1, Instant.parse("2023-01-20T09:30:00Z"),
                session(opening, "Opening remarks", "2023-01-25T08:00:00Z", "2023-01-25T08:15:00Z"),
                session(panel, "Panel 1: Energy Security", "2023-01-25T09:00:00Z", "2023-01-25T09:55:00Z"));
        CooperationEvent inTokyo = publish(draft(TOKYO, "2023-01-25T08:00:00Z", "2023-01-25T11:00:00Z"),
                Instant.parse("2023-01-11T00:00:00Z"),
                session(tokyoPanel, "Panel 2: Decarbonisation", "2023-01-25T08:00:00Z", "2023-01-25T09:00:00Z"));
        CooperationEvent inSummer = publish(draft(BRUSSELS, "2023-07-15T08:00:00Z", "2023-07-15T11:00:00Z"),
                Instant.parse("2023-06-01T00:00:00Z"),
                session(summerPanel, "Panel 3: Heat", "2023-07-15T08:00:00Z", "2023-07-15T09:00:00Z"));
        List<CalendarEntry> entries = new ArrayList<>(EventCalendar.entriesOf(v2, 5));
        entries.addAll(EventCalendar.entriesOf(inTokyo, 3));
        entries.addAll(EventCalendar.entriesOf(inSummer, 3));
        String ics = ICalendarFormat.write("My sessions", entries);
        JsonNode parsed = PythonICalendar.parse(ics, WINTER, SUMMER);
        Map<String, JsonNode> after = byUid(parsed);

        assertThat(parsed.path("prodid").asString()).isEqualTo(ICalendarFormat.PRODUCT_ID);
        assertThat(after).containsOnlyKeys(uid(opening), uid(panel), uid(closing), uid(tokyoPanel),
                uid(summerPanel));

        JsonNode moved = after.get(uid(panel));
        assertThat(moved.path("summary").asString()).isEqualTo("Panel 1: Energy Security");
        assertThat(moved.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(moved.path("sequence").asInt()).as("rescheduled: updates in place")
                .isGreaterThan(before.get(uid(panel)).path("sequence").asInt());
        assertTime(moved.path("dtstart"), "Europe/Brussels", "2023-01-25T10:00:00", "2023-01-25T09:00:00Z");
        assertTime(moved.path("dtend"), "Europe/Brussels", "2023-01-25T10:55:00", "2023-01-25T09:55:00Z");
        assertThat(moved.path("lastModified").asString()).isEqualTo("2023-01-20T09:30:00Z");
        assertThat(moved.path("dtstamp").asString()).isEqualTo("2023-01-20T09:30:00Z");
        assertThat(moved.path("location").asString()).isEqualTo("Room 1, Messe Essen, Norbertstraße 2, Essen");
        assertThat(moved.path("url").asString()).isEqualTo("https://example.org/live/100-cities");
        assertThat(moved.path("description").asString()).contains("EU-Japan 100 Cities Event on Climate Action");

        JsonNode unchanged = after.get(uid(opening));
        assertThat(unchanged.path("sequence").asInt()).isZero();
        assertThat(unchanged.path("lastModified").asString()).isEqualTo("2023-01-10T10:00:00Z");

        JsonNode removed = after.get(uid(closing));
        assertThat(removed.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(removed.path("sequence").asInt()).isGreaterThan(before.get(uid(closing)).path("sequence").asInt());
        assertTime(removed.path("dtstart"), "Europe/Brussels", "2023-01-26T11:45:00", "2023-01-26T10:45:00Z");
        assertTime(after.get(uid(summerPanel)).path("dtstart"), "Europe/Brussels", "2023-07-15T10:00:00",
                "2023-07-15T08:00:00Z");

        assertTime(after.get(uid(tokyoPanel)).path("dtstart"), "Asia/Tokyo", "2023-01-25T17:00:00",
                "2023-01-25T08:00:00Z");
        assertTime(after.get(uid(tokyoPanel)).path("dtend"), "Asia/Tokyo", "2023-01-25T18:00:00",
                "2023-01-25T09:00:00Z");

        JsonNode offsets = parsed.path("timezoneOffsets");
        assertThat(offsets.propertyNames()).as("a VTIMEZONE for every TZID used, and only those")
                .containsExactlyInAnyOrder("Europe/Brussels", "Asia/Tokyo");
        assertThat(offsets.path("Europe/Brussels").path(WINTER).asInt()).as("CET").isEqualTo(3600);
        assertThat(offsets.path("Europe/Brussels").path(SUMMER).asInt()).as("CEST").isEqualTo(7200);
        assertThat(offsets.path("Asia/Tokyo").path(WINTER).asInt()).as("JST").isEqualTo(9 * 3600);
        assertThat(offsets.path("Asia/Tokyo").path(SUMMER).asInt()).as("JST, no DST").isEqualTo(9 * 3600);
    }

    @Test
    void aSessionOnTheNightOfTheAutumnChangeResolvesToTheRightInstants() {
        // 02:30 happens twice in Brussels on 29 Oct 2023: the session starts at the first (CEST) and ends at the
        // second (CET). RFC 5545 reads a local 02:30 as the first, so the end can only be written in UTC.
        UUID night = UUID.randomUUID();
        CooperationEvent event = publish(draft(BRUSSELS, "2023-10-29T00:00:00Z", "2023-10-29T03:00:00Z"),
                Instant.parse("2023-10-01T00:00:00Z"),
                session(night, "Night shift", "2023-10-29T00:30:00Z", "2023-10-29T01:30:00Z"));
        JsonNode entry = byUid(PythonICalendar.parse(ICalendarFormat.write("Night",
                EventCalendar.entriesOf(event, 2)))).get(uid(night));
        assertTime(entry.path("dtstart"), "Europe/Brussels", "2023-10-29T02:30:00", "2023-10-29T00:30:00Z");
        assertThat(entry.path("dtend").path("tzid").isNull()).as(entry.toString()).isTrue();
        assertThat(entry.path("dtend").path("utc").asString()).isEqualTo("2023-10-29T01:30:00Z");
    }

    @Test
    void anEventKnownOnlyToTheDaysReadsBackAsAnAllDayEntryWithAnExclusiveEnd() {
        // REIF Fukushima, 28-29 Oct 2020 in Koriyama: known to the day, on Tokyo's clocks, beside a timed event.
        CooperationEvent reif = publish(draft(TOKYO, "2020-10-27T15:00:00Z", "2020-10-29T15:00:00Z",
                TimePrecision.DAY), Instant.parse("2020-10-01T00:00:00Z"));
        List<CalendarEntry> entries = new ArrayList<>(EventCalendar.entriesOf(reif, 2));
        entries.addAll(EventCalendar.entriesOf(publish(draft(BRUSSELS, "2023-01-25T08:00:00Z",
                "2023-01-25T11:00:00Z"), Instant.parse("2023-01-10T10:00:00Z"),
                session(opening, "Opening remarks", "2023-01-25T08:00:00Z", "2023-01-25T08:15:00Z")), 2));
        JsonNode parsed = PythonICalendar.parse(ICalendarFormat.write("Mixed", entries), WINTER);

        JsonNode allDay = byUid(parsed).get(reif.id() + "@urban-cooperation");
        assertThat(allDay.path("dtstart").path("date").asString()).isEqualTo("2020-10-28");
        assertThat(allDay.path("dtstart").path("value").asString()).isEqualTo("DATE");
        assertThat(allDay.path("dtend").path("date").asString()).as("the day after the last, RFC 5545's end")
                .isEqualTo("2020-10-30");
        assertThat(allDay.path("dtend").path("value").asString()).isEqualTo("DATE");
        assertThat(allDay.path("summary").asString()).isEqualTo("EU-Japan 100 Cities Event on Climate Action");
        assertTime(byUid(parsed).get(uid(opening)).path("dtstart"), "Europe/Brussels", "2023-01-25T09:00:00",
                "2023-01-25T08:00:00Z");
        assertThat(parsed.path("timezoneOffsets").propertyNames()).as("dates name no zone: no VTIMEZONE for them")
                .containsExactly("Europe/Brussels");
    }

    @Test
    void eachVTimezoneGivesJavaTimesOffsetJustBeforeAndAfterEveryTransitionAroundItsEntries() {
        // DST in both hemispheres, half-hour DST (Lord Howe), odd offsets (Chatham, St John's), zones that dropped
        // DST in the window (Mexico City in 2022) and Morocco's Ramadan changes.
        List<ZoneId> zones = Stream.of("Europe/Berlin", "Europe/London", "America/New_York", "Asia/Tokyo",
                "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns",
                "America/Mexico_City", "Africa/Casablanca", "America/Santiago").map(ZoneId::of).toList();
        Instant at = Instant.parse("2023-06-01T10:00:00Z");
        List<CalendarEntry> entries = zones.stream().map(zone -> new CalendarEntry(zone + "@test", 0,
                CalendarEntry.Status.CONFIRMED, zone.getId(), null, null, null, at, at.plusSeconds(3600), zone, at,
                false))
                .toList();
        // The VTIMEZONEs cover 2022 to the end of 2024: probes a second before and at each transition there.
        Instant from = Instant.parse("2022-01-01T00:00:00Z");
        Instant to = Instant.parse("2025-01-01T00:00:00Z");
        Set<Instant> probes = new TreeSet<>(List.of(from.plusSeconds(3600), to.minusSeconds(3600)));
        for (ZoneId zone : zones) {
            for (ZoneOffsetTransition t = zone.getRules().nextTransition(from); t != null
                    && t.getInstant().isBefore(to); t = zone.getRules().nextTransition(t.getInstant())) {
                probes.add(t.getInstant().minusSeconds(1));
                probes.add(t.getInstant());
            }
        }
        JsonNode offsets = PythonICalendar.parse(ICalendarFormat.write("Zones", entries),
                probes.stream().map(Instant::toString).toArray(String[]::new)).path("timezoneOffsets");

        for (ZoneId zone : zones) {
            assertThat(offsets.path(zone.getId()).size()).as("an offset of " + zone + " at every probe")
                    .isEqualTo(probes.size());
            for (Instant probe : probes) {
                assertThat(offsets.path(zone.getId()).path(probe.toString()).asInt())
                        .as(zone + " at " + probe).isEqualTo(zone.getRules().getOffset(probe).getTotalSeconds());
            }
        }
    }

    private static void assertTime(JsonNode time, String tzid, String local, String utc) {
        assertThat(time.path("tzid").asString()).isEqualTo(tzid);
        assertThat(time.path("local").asString()).isEqualTo(local);
        assertThat(time.path("utc").asString()).as("the instant, through the document's VTIMEZONE").isEqualTo(utc);
    }

    private static String uid(UUID id) {
        return id + "@urban-cooperation";
    }

    private static Map<String, JsonNode> byUid(JsonNode parsed) {
        Map<String, JsonNode> events = new HashMap<>();
        parsed.path("events").forEach(e -> events.put(e.path("uid").asString(), e));
        return events;
    }
}
