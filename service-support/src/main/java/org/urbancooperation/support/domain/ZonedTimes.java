package org.urbancooperation.support.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Instants as readers in other zones see them: the local time with its offset, the zone's short name and the day
 * shift against a reference zone (an event's own). Only java.time's zone rules decide offsets, so a daylight-saving
 * change on either side is always right. Shared by event-service (agendas) and matching-service (B2B meetings).
 */
public final class ZonedTimes {

    private static final DateTimeFormatter SHORT_NAME = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);

    private ZonedTimes() {
    }

    /**
     * An instant on the clocks of {@code zone}, with its day relative to a reference zone.
     *
     * @param zoneName the zone's short name at that instant (CET, CEST, JST), null where the JDK has only a
     *        numeric one (GMT+03:00)
     * @param dayShift days between the local date in {@code zone} and in the reference zone: +1 when it is already
     *        the next day there
     */
    public record TimeInZone(OffsetDateTime localTime, String zoneName, int dayShift) {

        public static TimeInZone of(Instant instant, ZoneId zone, ZoneId referenceZone) {
            OffsetDateTime local = instant.atZone(zone).toOffsetDateTime();
            long shift = ChronoUnit.DAYS.between(instant.atZone(referenceZone).toLocalDate(), local.toLocalDate());
            return new TimeInZone(local, shortName(zone, instant), (int) shift);
        }
    }

    /**
     * The zone's short name in force at {@code instant} (CET or CEST, JST), as java.time prints it (pattern
     * {@code z}, TextStyle.SHORT); null where it has only a numeric one (GMT+03:00), which is an offset, not a name.
     */
    public static String shortName(ZoneId zone, Instant instant) {
        String name = SHORT_NAME.format(instant.atZone(zone));
        return name.startsWith("GMT+") || name.startsWith("GMT-") || name.startsWith("UTC+")
                || name.startsWith("UTC-") ? null : name;
    }
}
