package org.urbancooperation.events.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.BRUSSELS;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.TOKYO;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.urbancooperation.events.calendar.domain.CalendarEntry;

class ICalendarFormatTest {

    static CalendarEntry entry(String uid, ZoneId zone, String start, String end) {
        return new CalendarEntry(uid, 2, CalendarEntry.Status.CANCELLED, "Panel 1; Energy, Security",
                "Line one\nLine two", null, null, Instant.parse(start), Instant.parse(end), zone,
                Instant.parse("2023-01-20T09:30:00Z"), false);
    }

    @Test
    void timesAreWrittenOnTheZonesClocksWithAVTimezoneOfItsRealTransitions() {
        String ics = ICalendarFormat.write("100 Cities", List.of(
                entry("a@urban-cooperation", BRUSSELS, "2023-01-25T08:45:00Z", "2023-01-25T09:40:00Z"),
                entry("b@urban-cooperation", TOKYO, "2023-01-25T08:45:00Z", "2023-01-25T09:40:00Z")));

        assertThat(ics).contains("\r\n").startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
        assertThat(ics).contains("PRODID:" + ICalendarFormat.PRODUCT_ID, "X-WR-CALNAME:100 Cities");
        assertThat(ics).contains("DTSTART;TZID=Europe/Brussels:20230125T094500\r\n",
                "DTEND;TZID=Europe/Brussels:20230125T104000\r\n", "DTSTART;TZID=Asia/Tokyo:20230125T174500\r\n");
        assertThat(ics).contains("UID:a@urban-cooperation", "SEQUENCE:2", "STATUS:CANCELLED",
                "DTSTAMP:20230120T093000Z", "LAST-MODIFIED:20230120T093000Z");
        assertThat(ics).as("escaped, not written by hand").contains("SUMMARY:Panel 1\\; Energy\\, Security",
                "DESCRIPTION:Line one\\nLine two");

        String brussels = component(ics, "TZID:Europe/Brussels");
        // 2022 to 2024: the spring and autumn changes of each year, with their local onsets and names.
        assertThat(brussels).contains("BEGIN:DAYLIGHT\r\nDTSTART:20230326T020000\r\nTZOFFSETFROM:+0100\r\n"
                + "TZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT");
        assertThat(brussels).contains("BEGIN:STANDARD\r\nDTSTART:20231029T030000\r\nTZOFFSETFROM:+0200\r\n"
                + "TZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD");
        assertThat(brussels.split("BEGIN:DAYLIGHT", -1)).as("2022, 2023, 2024").hasSize(4);
        String tokyo = component(ics, "TZID:Asia/Tokyo");
        assertThat(tokyo).contains("TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nTZNAME:JST").doesNotContain("DAYLIGHT");
    }

    @Test
    void anAllDayEntryIsWrittenWithDatesTheEndExclusiveAndNeedsNoVTimezone() {
        // 28-29 Oct 2020 on Tokyo's clocks: from Tokyo's midnight on the 28th to that of the 30th.
        CalendarEntry days = new CalendarEntry("reif@urban-cooperation", 0, CalendarEntry.Status.CONFIRMED, "REIF",
                null, null, null, Instant.parse("2020-10-27T15:00:00Z"), Instant.parse("2020-10-29T15:00:00Z"),
                TOKYO, Instant.parse("2020-10-01T00:00:00Z"), true);
        String ics = ICalendarFormat.write("REIF", List.of(days));
        assertThat(ics).contains("DTSTART;VALUE=DATE:20201028\r\n",
                "DTEND;VALUE=DATE:20201030\r\n").doesNotContain("VTIMEZONE", "TZID");

        String mixed = ICalendarFormat.write("Mixed", List.of(days, entry("a@urban-cooperation", BRUSSELS,
                "2023-01-25T08:45:00Z", "2023-01-25T09:40:00Z")));
        assertThat(mixed).contains("DTSTART;VALUE=DATE:20201028", "TZID:Europe/Brussels").doesNotContain(
                "TZID:Asia/Tokyo");
    }

    @Test
    void theSameEntriesAreTheSameBytesSoAnEntityTagOfThemWorks() {
        List<CalendarEntry> entries = List.of(entry("a@urban-cooperation", BRUSSELS, "2023-01-25T08:45:00Z",
                "2023-01-25T09:40:00Z"));
        assertThat(ICalendarFormat.write("x", entries)).isEqualTo(ICalendarFormat.write("x", entries));
    }

    @Test
    void anEmptyFeedIsAValidCalendar() {
        String ics = ICalendarFormat.write("Mine", List.of());
        assertThat(ics).contains("BEGIN:VCALENDAR", "VERSION:2.0", "END:VCALENDAR").doesNotContain("VEVENT",
                "VTIMEZONE");
        assertThat(PythonICalendar.parse(ics).path("events")).isEmpty();
    }

    private static String component(String ics, String tzid) {
        int at = ics.indexOf(tzid);
        assertThat(at).as("a VTIMEZONE with " + tzid).isPositive();
        return ics.substring(ics.lastIndexOf("BEGIN:VTIMEZONE", at), ics.indexOf("END:VTIMEZONE", at));
    }
}
