package org.urbancooperation.support.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Local times as organisers enter them and instants as readers in other zones see them: a local time on a zone's
 * clocks (refusing a daylight-saving gap or overlap unless told which offset), and an instant's local time with its
 * offset, the zone's short name and the day shift against a reference zone (an event's own). Only java.time's zone
 * rules decide offsets. Shared by event-service (agendas) and matching-service (meeting blocks, B2B meetings).
 */
public final class ZonedTimes {

    private static final DateTimeFormatter SHORT_NAME = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);

    private ZonedTimes() {
    }

    /** Which offset a local time means where the zone changes its clocks at it: the one before or after. */
    public enum OffsetChoice {
        BEFORE_CHANGE,
        AFTER_CHANGE
    }

    /**
     * A local time on the clocks of {@code zone}: refused in a daylight-saving gap (02:30 that does not exist) or
     * overlap (02:30 that happens twice) unless {@code choice} says which offset is meant.
     *
     * @param choiceField the request field a caller names the choice in (e.g. localTimeOffset); null where it has
     *        none, and the refusal then asks only for an explicit offset
     * @throws InvalidValueException naming {@code field} for a gap or overlap without choice
     */
    public static Instant atZone(String field, LocalDateTime local, ZoneId zone, OffsetChoice choice,
            String choiceField) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> valid = rules.getValidOffsets(local);
        if (valid.size() == 1) {
            return local.toInstant(valid.get(0));
        }
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (choice == null) {
            String what = valid.isEmpty()
                    ? " does not exist in " + zone.getId() + ": the clocks jump from "
                            + transition.getDateTimeBefore().toLocalTime() + " to "
                            + transition.getDateTimeAfter().toLocalTime()
                    : " happens twice in " + zone.getId() + ": the clocks go back from "
                            + transition.getDateTimeBefore().toLocalTime() + " to "
                            + transition.getDateTimeAfter().toLocalTime();
            throw new InvalidValueException(field, field + " " + local + what + " on " + local.toLocalDate()
                    + "; give the offset (e.g. " + local + transition.getOffsetAfter() + ")"
                    + (choiceField == null ? "" : " or " + choiceField + " BEFORE_CHANGE or AFTER_CHANGE"));
        }
        ZoneOffset offset = choice == OffsetChoice.BEFORE_CHANGE ? transition.getOffsetBefore()
                : transition.getOffsetAfter();
        return local.toInstant(offset);
    }

    /**
     * A time as a person enters it: a local time on the clocks of {@code zone} ({@code 2023-01-25T09:00}), resolved as
     * {@link #atZone} resolves it, or an instant with its offset or Z ({@code 2023-01-25T09:00+01:00}).
     *
     * @param malformed the refusal of a text that is neither, in the words of the caller's API
     */
    public static Instant parse(String field, String text, ZoneId zone, OffsetChoice choice, String choiceField,
            Supplier<InvalidValueException> malformed) {
        int time = text.indexOf('T');
        boolean withOffset = time >= 0 && (text.indexOf('Z', time) >= 0 || text.indexOf('+', time) >= 0
                || text.indexOf('-', time) >= 0);
        try {
            return withOffset ? OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    : atZone(field, LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME), zone, choice,
                            choiceField);
        } catch (DateTimeParseException e) {
            throw malformed.get();
        }
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
