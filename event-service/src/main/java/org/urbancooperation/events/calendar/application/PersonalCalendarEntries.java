package org.urbancooperation.events.calendar.application;

import java.util.List;

import org.urbancooperation.events.calendar.domain.CalendarEntry;

/**
 * One source of a participant's personal calendar feed: the sessions they registered for, and (once
 * matching-service publishes them) their B2B meetings, each with UIDs and SEQUENCEs of its own. The feed is every
 * source's entries together; adding a source is adding a bean.
 */
@FunctionalInterface
public interface PersonalCalendarEntries {

    /** @param participant the subject of the caller's identity (the gateway's signed identity header) */
    List<CalendarEntry> entriesOf(String participant);
}
