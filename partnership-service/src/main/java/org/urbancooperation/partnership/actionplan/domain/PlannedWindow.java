package org.urbancooperation.partnership.actionplan.domain;

import java.time.LocalDate;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * When an action is planned: from a month or day to a month or day, each end in the precision it was given
 * ("Summer 2020" as {@code 2020-06} to {@code 2020-08}; "28-29 Oct 2020" as two days). {@code to} may be absent: the
 * window is then just {@code from} (one month or one day).
 */
public record PlannedWindow(PlannedPeriod from, PlannedPeriod to) {

    public PlannedWindow {
        Require.present("plannedFrom", from);
        if (to != null && to.lastDay().isBefore(from.firstDay())) {
            throw InvalidValueException.between("plannedTo", "plannedFrom", "plannedTo (" + to
                    + ") must not end before plannedFrom (" + from + ") begins");
        }
    }

    /**
     * New input: {@code plannedFrom} required, {@code plannedTo} optional.
     *
     * @throws InvalidValueException naming {@code plannedFrom} or {@code plannedTo}
     */
    public static PlannedWindow parse(String plannedFrom, String plannedTo) {
        PlannedPeriod from = PlannedPeriod.parse("plannedFrom", plannedFrom);
        PlannedPeriod to = plannedTo == null ? null : PlannedPeriod.parse("plannedTo", plannedTo);
        return new PlannedWindow(from, to);
    }

    /** The last day the window covers. */
    public LocalDate lastDay() {
        return (to == null ? from : to).lastDay();
    }

    @Override
    public String toString() {
        return to == null ? from.text() : from.text() + " to " + to.text();
    }
}
