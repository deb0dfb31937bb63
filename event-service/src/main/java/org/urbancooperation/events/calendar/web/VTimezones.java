package org.urbancooperation.events.calendar.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

import org.urbancooperation.events.cooperationevent.domain.EventTimes;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;

/**
 * VTIMEZONE components made from java.time's zone rules (the same tz database that decides every offset in this
 * service), so a calendar program and this service can never disagree by an hour. biweekly would otherwise
 * download them from tzurl.org at run time.
 * <p>
 * Each observance is one real transition between {@code from} and {@code to} (the years around the entries), with
 * its local onset, offsets and short name (CET, CEST): exact for zones whose rules changed over the years, where a
 * single yearly RRULE would be wrong for some of them. An observance at {@code from} gives the offset in force then,
 * so a zone without transitions (Asia/Tokyo) still has one.
 */
final class VTimezones {

    private VTimezones() {
    }

    static VTimezone of(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        VTimezone component = new VTimezone(zone.getId());
        ZoneOffset initial = rules.getOffset(from);
        add(component, observance(rules.isDaylightSavings(from), from.atOffset(initial).toLocalDateTime(),
                initial, initial, EventTimes.shortName(zone, from)));
        ZoneOffsetTransition next = rules.nextTransition(from);
        while (next != null && next.getInstant().isBefore(to)) {
            Instant at = next.getInstant();
            Observance o = observance(rules.isDaylightSavings(at), next.getDateTimeBefore(), next.getOffsetBefore(),
                    next.getOffsetAfter(), EventTimes.shortName(zone, at));
            add(component, o);
            next = rules.nextTransition(at);
        }
        return component;
    }

    private static void add(VTimezone component, Observance o) {
        if (o instanceof DaylightSavingsTime daylight) {
            component.addDaylightSavingsTime(daylight);
        } else {
            component.addStandardTime((StandardTime) o);
        }
    }

    private static Observance observance(boolean daylight, LocalDateTime onset, ZoneOffset offsetFrom,
            ZoneOffset offsetTo, String name) {
        Observance o = daylight ? new DaylightSavingsTime() : new StandardTime();
        o.setDateStart(new DateTimeComponents(onset.getYear(), onset.getMonthValue(), onset.getDayOfMonth(),
                onset.getHour(), onset.getMinute(), onset.getSecond(), false));
        o.setTimezoneOffsetFrom(utcOffset(offsetFrom));
        o.setTimezoneOffsetTo(utcOffset(offsetTo));
        if (name != null) {
            o.addTimezoneName(name);
        }
        return o;
    }

    private static UtcOffset utcOffset(ZoneOffset offset) {
        return new UtcOffset(offset.getTotalSeconds() * 1000L);
    }
}
