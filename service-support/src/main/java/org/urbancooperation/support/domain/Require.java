package org.urbancooperation.support.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Argument checks for the domain that name the offending field. Two kinds: invariants of state, which an
 * aggregate's constructor checks whenever it is built, also from what is stored ({@link #text},
 * {@link #present}, {@link #size}); and rules for new input, which the commands that take it check
 * ({@link #visibleText}, {@link #slug}, {@link #date}, {@link #instant}), so that a rule made stricter never
 * makes what was stored before it unreadable. What passes the input rules is valid in every contract it
 * reaches.
 */
public final class Require {

    /**
     * The dates and instants the platform accepts: years 1900 to 2200. Wide enough for any
     * partnership's history and plans; narrow enough that every date fits every contract, a BSON
     * date and every partner's calendar (a year 10000 or -1 is a typing error, not a plan).
     */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2200, 12, 31);
    public static final Instant EARLIEST_INSTANT = EARLIEST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    public static final Instant LATEST_INSTANT = LATEST_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
            .minusMillis(1);

    /** Slugs name organisations, businesses and themes: lower-case words joined by single hyphens. */
    public static final int MAX_SLUG = 64;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Require() {
    }

    /**
     * Text that must not be blank: trimmed, at most {@code maxLength} characters. An invariant of stored
     * state; what a person may enter is {@link #visibleText}.
     */
    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidValueException(field, field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    /**
     * One line of text a person reads and enters: a name, a title, a label. As {@link #text}, and refused
     * when it holds characters that change what a reader sees without being seen (control characters,
     * bidirectional overrides, unpaired surrogates, non-characters). A rule for new input, checked by the
     * commands that take it, so that what was stored before the rule can still be read.
     */
    public static String visibleText(String field, String value, int maxLength) {
        String trimmed = text(field, value, maxLength);
        refuseInvisible(field, trimmed, false);
        return trimmed;
    }

    /** Like {@link #visibleText} for several lines (a description, an abstract): line breaks and tabs are fine. */
    public static String multilineText(String field, String value, int maxLength) {
        String trimmed = text(field, value, maxLength);
        refuseInvisible(field, trimmed, true);
        return trimmed;
    }

    /**
     * The shape of a slug, of any length: an invariant of stored state (what was stored before slugs were limited
     * to {@value #MAX_SLUG} characters stays readable); new input takes {@link #slug}.
     */
    public static String slugShape(String field, String value) {
        present(field, value);
        if (!SLUG.matcher(value).matches()) {
            throw new InvalidValueException(field, field + " must be a lower-case slug such as city-of-essen");
        }
        return value;
    }

    /** A slug such as {@code city-of-essen} or {@code renewable-energy}, 1 to {@value #MAX_SLUG} characters. */
    public static String slug(String field, String value, String example) {
        present(field, value);
        if (value.isEmpty() || value.length() > MAX_SLUG || !SLUG.matcher(value).matches()) {
            throw new InvalidValueException(field, field + " must be a lower-case slug of at most " + MAX_SLUG
                    + " characters such as " + example);
        }
        return value;
    }

    /**
     * Each entry of a list checked by {@code check}, which is given the entry's path to name in a refusal
     * ({@code themes[2]}); entries that are themselves objects put their fields below it with {@link #within}.
     */
    public static <T, R> List<R> each(String field, List<T> values, BiFunction<String, T, R> check) {
        present(field, values);
        List<R> checked = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String path = field + "[" + i + "]";
            checked.add(check.apply(path, present(path, values.get(i))));
        }
        return checked;
    }

    /** A refusal raised while checking a part (a city of a partnership) named below the part's path. */
    public static <R> R within(String path, Supplier<R> check) {
        try {
            return check.get();
        } catch (InvalidValueException e) {
            throw e.within(path);
        }
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
        return value;
    }

    /** A calendar date within {@link #EARLIEST_DATE} and {@link #LATEST_DATE}: a rule for new input, as {@link #visibleText}. */
    public static LocalDate date(String field, LocalDate value) {
        present(field, value);
        if (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE)) {
            throw new InvalidValueException(field, field + " must be between " + EARLIEST_DATE + " and " + LATEST_DATE);
        }
        return value;
    }

    /** An instant within the years 1900 to 2200 (UTC): a rule for new input, as {@link #visibleText}. */
    public static Instant instant(String field, Instant value) {
        present(field, value);
        if (value.isBefore(EARLIEST_INSTANT) || value.isAfter(LATEST_INSTANT)) {
            throw new InvalidValueException(field, field + " must be between " + EARLIEST_INSTANT + " and "
                    + LATEST_INSTANT);
        }
        return value;
    }

    /**
     * An IANA time zone by its region name (Europe/Berlin, Asia/Tokyo). Fixed offsets such as
     * +09:00 are refused: they ignore daylight saving time, so a CET agenda would be wrong half the year.
     */
    public static ZoneId timeZone(String field, String id) {
        present(field, id);
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw new InvalidValueException(field, field + " must be an IANA time zone such as Europe/Berlin or "
                    + "Asia/Tokyo");
        }
        return ZoneId.of(id);
    }

    public static <C extends Collection<?>> C size(String field, C values, int min, int max) {
        present(field, values);
        if (values.size() < min || values.size() > max) {
            throw new InvalidValueException(field, field + " must have between " + min + " and " + max + " entries");
        }
        return values;
    }

    private static void refuseInvisible(String field, String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new InvalidValueException(field, field + " holds an unpaired surrogate (broken text encoding)");
            }
            if (multiline && (c == '\n' || c == '\t' || c == '\r')) {
                continue;
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new InvalidValueException(field, field + " must not contain control characters"
                        + (multiline ? " other than line breaks and tabs" : " or line breaks"));
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                throw new InvalidValueException(field, field + " must not contain bidirectional override characters");
            }
            if (c == '\uFFFE' || c == '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF')) {
                throw new InvalidValueException(field, field + " must not contain Unicode non-characters");
            }
        }
    }
}
