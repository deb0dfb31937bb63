package org.urbancooperation.events.cooperationevent.domain;

/**
 * How much of an event's start and end is known. Sources often give only a day ("REIF Fukushima: Oct. 28-29,
 * 2020") or a month ("study tour to Essen on Stadtwerke in Aug. 2019"); the event then spans those whole days or
 * months on its own clocks, and nobody reads 00:00 as the time it began.
 */
public enum TimePrecision {
    /** Start and end to the minute (or second). */
    TIME,
    /** Whole local days: startsAt is the start of the first day, endsAt the start of the day after the last. */
    DAY,
    /** Whole local months: startsAt is the start of the first month, endsAt the start of the month after the last. */
    MONTH
}
