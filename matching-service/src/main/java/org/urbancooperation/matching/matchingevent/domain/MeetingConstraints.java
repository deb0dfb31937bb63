package org.urbancooperation.matching.matchingevent.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.urbancooperation.matching.shared.domain.Languages;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * What a participant asks of its meetings beyond availability: the languages it meets in, the zone it works in and
 * its business hours there (09:00-11:00 in Europe/Berlin), and whether it meets only inside them (otherwise they are a
 * preference). Every part is optional: a participant that declared none is met in its profile's languages and zone,
 * at any hour.
 *
 * @param languages ISO 639-1 codes; null for its profile's
 * @param timeZone null for its profile's
 * @param hoursFrom start of its business hours on its own clocks; null with hoursTo when it declared none
 */
public record MeetingConstraints(List<String> languages, ZoneId timeZone, LocalTime hoursFrom, LocalTime hoursTo,
        boolean onlyInsideBusinessHours) {

    public static final MeetingConstraints NONE = new MeetingConstraints(null, null, null, null, false);

    public MeetingConstraints {
        languages = languages == null ? null : List.copyOf(languages);
        if ((hoursFrom == null) != (hoursTo == null)) {
            throw new InvalidValueException(hoursFrom == null ? "businessHours.from" : "businessHours.to",
                    "business hours have a start and an end");
        }
        if (hoursFrom != null && !hoursTo.isAfter(hoursFrom)) {
            throw InvalidValueException.between("businessHours.from", "businessHours.to",
                    "business hours end after they start on the same day");
        }
        if (onlyInsideBusinessHours && hoursFrom == null) {
            throw new InvalidValueException("onlyInsideBusinessHours", "onlyInsideBusinessHours needs businessHours");
        }
    }

    /** New input, checked and named by its request fields; a zone is an IANA region name. */
    public static MeetingConstraints of(List<String> languages, String timeZone, LocalTime hoursFrom,
            LocalTime hoursTo, Boolean onlyInsideBusinessHours) {
        return new MeetingConstraints(languages == null ? null : Languages.of("languages", languages),
                timeZone == null ? null : Require.timeZone("timeZone", timeZone),
                hoursFrom == null ? null : hoursFrom.withNano(0), hoursTo == null ? null : hoursTo.withNano(0),
                Boolean.TRUE.equals(onlyInsideBusinessHours));
    }

    public boolean hasBusinessHours() {
        return hoursFrom != null;
    }
}
