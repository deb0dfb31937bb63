package org.urbancooperation.matching.schedule.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A participant's working hours in its own zone, e.g. 09:00-18:00 in Asia/Tokyo. Whether a slot lies inside is decided
 * by java.time's rules for that zone on the slot's own date, so Essen 09:00-11:00 is Koriyama 17:00-19:00 in winter and
 * 16:00-18:00 in summer without any offset written down here.
 */
public record BusinessHours(ZoneId zone, LocalTime from, LocalTime to) {

    public BusinessHours {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("business hours end after they start: " + from + "-" + to);
        }
    }

    /** True when the whole slot lies inside these hours on one local day. */
    public boolean covers(Instant startsAt, Instant endsAt) {
        ZonedDateTime start = startsAt.atZone(zone);
        ZonedDateTime end = endsAt.atZone(zone);
        if (!start.toLocalDate().equals(end.toLocalDate()) && !end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return false;
        }
        return !start.toLocalTime().isBefore(from) && !end.toLocalTime().isAfter(to)
                && !end.toLocalTime().equals(LocalTime.MIDNIGHT);
    }
}
