package org.urbancooperation.events.calendar.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.urbancooperation.events.calendar.domain.CalendarEntry;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.io.TimezoneInfo;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Status;
import biweekly.util.ICalDate;

/**
 * Calendar entries as an iCalendar (RFC 5545) document, written by biweekly. Times are written on the clocks of
 * each entry's zone (DTSTART;TZID=Europe/Brussels:20230125T090000) with a VTIMEZONE per zone used, so that a
 * calendar program shows them right in any zone and across DST changes. The document depends only on the entries
 * (DTSTAMP is their publishing time, as RFC 5545 3.8.7.2 has it for a document without METHOD), so equal feeds are
 * equal bytes and an entity tag of them lets calendar programs poll cheaply. An all-day entry (an event known only
 * to the day or month) is written with dates, DTSTART;VALUE=DATE and an exclusive DTEND;VALUE=DATE (RFC 5545 3.6.1).
 */
public final class ICalendarFormat {

    public static final String MEDIA_TYPE = "text/calendar";
    static final String PRODUCT_ID = "-//Urban Cooperation Platform//event-service//EN";

    private ICalendarFormat() {
    }

    /** @param name what calendar programs call the feed, e.g. the event's title */
    public static String write(String name, List<CalendarEntry> entries) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT_ID);
        calendar.setName(name);
        // The name most calendar programs read (RFC 7986's NAME is newer than they are).
        calendar.setExperimentalProperty("X-WR-CALNAME", name);
        TimezoneInfo zones = calendar.getTimezoneInfo();
        Map<ZoneId, TimezoneAssignment> assignments = assignments(entries);
        for (CalendarEntry entry : entries) {
            VEvent event = new VEvent();
            event.setUid(entry.uid());
            event.setSequence(entry.sequence());
            event.setStatus(status(entry.status()));
            event.setSummary(entry.summary());
            event.setDescription(entry.description());
            event.setLocation(entry.location());
            event.setUrl(entry.url());
            if (entry.allDay()) {
                event.setDateStart(new DateStart(date(entry.startDate())));
                event.setDateEnd(new DateEnd(date(entry.endDateExclusive())));
            } else {
                DateStart start = event.setDateStart(Date.from(entry.startsAt()), true);
                DateEnd end = event.setDateEnd(Date.from(entry.endsAt()), true);
                TimezoneAssignment zone = assignments.get(entry.zone());
                onClocksOf(zones, start, entry.startsAt(), entry.zone(), zone);
                onClocksOf(zones, end, entry.endsAt(), entry.zone(), zone);
            }
            event.setDateTimeStamp(Date.from(entry.lastModified()));
            event.setLastModified(Date.from(entry.lastModified()));
            calendar.addEvent(event);
        }
        return Biweekly.write(calendar).version(ICalVersion.V2_0).go();
    }

    /**
     * A date as biweekly writes it (DTSTART;VALUE=DATE:20201028): biweekly formats a date without time on the JVM's
     * default zone, so the day is handed over as the start of that day there, whatever the entry's zone is.
     */
    private static ICalDate date(LocalDate day) {
        return new ICalDate(Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant()), false);
    }

    /**
     * A time on the zone's clocks, except the second pass through a local time the clocks go back over (02:30 on
     * the last Sunday of October in Brussels): RFC 5545 (3.3.5) reads such a local time as its first occurrence, so
     * the second one is written in UTC, the only exact way.
     */
    private static void onClocksOf(TimezoneInfo zones, biweekly.property.ICalProperty property, Instant instant,
            ZoneId zone, TimezoneAssignment assignment) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(java.time.LocalDateTime.ofInstant(instant, zone));
        if (offsets.size() > 1 && !zone.getRules().getOffset(instant).equals(offsets.get(0))) {
            return; // biweekly writes a property without zone in UTC
        }
        zones.setTimezone(property, assignment);
    }

    /**
     * One VTIMEZONE per zone of a timed entry, covering the years from one before its first entry to one after its
     * last. All-day entries are dates, which name no zone, so they need none.
     */
    private static Map<ZoneId, TimezoneAssignment> assignments(List<CalendarEntry> all) {
        List<CalendarEntry> entries = all.stream().filter(e -> !e.allDay()).toList();
        Map<ZoneId, TimezoneAssignment> assignments = new LinkedHashMap<>();
        entries.stream().map(CalendarEntry::zone).distinct().forEach(zone -> {
            Instant first = entries.stream().filter(e -> e.zone().equals(zone)).map(CalendarEntry::startsAt)
                    .min(Comparator.naturalOrder()).orElseThrow();
            Instant last = entries.stream().filter(e -> e.zone().equals(zone)).map(CalendarEntry::endsAt)
                    .max(Comparator.naturalOrder()).orElseThrow();
            Instant from = first.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfYear(1).minusYears(1)
                    .atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant to = last.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfYear(1).plusYears(2)
                    .atStartOfDay().toInstant(ZoneOffset.UTC);
            assignments.put(zone, new TimezoneAssignment(TimeZone.getTimeZone(zone), VTimezones.of(zone, from, to)));
        });
        return assignments;
    }

    private static Status status(CalendarEntry.Status status) {
        return switch (status) {
            case CONFIRMED -> Status.confirmed();
            case TENTATIVE -> Status.tentative();
            case CANCELLED -> Status.cancelled();
        };
    }
}
