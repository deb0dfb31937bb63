package org.urbancooperation.partnership.actionplan.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * One end of a planned window as it was given: a month ({@code 2021-04}, "April 2021") or a day
 * ({@code 2020-10-28}). The precision is kept, so that "April 2021" is never shown as "1 April 2021";
 * {@link #firstDay()} and {@link #lastDay()} give the days it covers for comparisons.
 */
public record PlannedPeriod(Precision precision, LocalDate firstDay) {

    public enum Precision {
        MONTH, DAY
    }

    private static final Pattern MONTH_FORM = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Pattern DAY_FORM = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    public PlannedPeriod {
        Require.present("precision", precision);
        Require.present("firstDay", firstDay);
        if (precision == Precision.MONTH && firstDay.getDayOfMonth() != 1) {
            throw new IllegalArgumentException("a month starts on its first day");
        }
    }

    public static PlannedPeriod month(YearMonth month) {
        return new PlannedPeriod(Precision.MONTH, month.atDay(1));
    }

    public static PlannedPeriod day(LocalDate day) {
        return new PlannedPeriod(Precision.DAY, day);
    }

    /**
     * New input: {@code YYYY-MM} or {@code YYYY-MM-DD}, years 1900 to 2200.
     *
     * @throws InvalidValueException naming {@code field}
     */
    public static PlannedPeriod parse(String field, String text) {
        Require.present(field, text);
        PlannedPeriod period;
        try {
            if (MONTH_FORM.matcher(text).matches()) {
                period = month(YearMonth.parse(text));
            } else if (DAY_FORM.matcher(text).matches()) {
                period = day(LocalDate.parse(text));
            } else {
                throw invalid(field);
            }
        } catch (DateTimeParseException e) {
            throw invalid(field);
        }
        Require.date(field, period.firstDay());
        return period;
    }

    /** The form it was given in: {@code 2021-04} or {@code 2020-10-28}. */
    public String text() {
        return precision == Precision.MONTH ? YearMonth.from(firstDay).toString() : firstDay.toString();
    }

    public LocalDate lastDay() {
        return precision == Precision.MONTH ? YearMonth.from(firstDay).atEndOfMonth() : firstDay;
    }

    @Override
    public String toString() {
        return text();
    }

    private static InvalidValueException invalid(String field) {
        return new InvalidValueException(field, field + " must be a month (2021-04) or a date (2020-10-28)");
    }
}
