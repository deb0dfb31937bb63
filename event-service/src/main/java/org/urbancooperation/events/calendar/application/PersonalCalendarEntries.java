package org.urbancooperation.events.calendar.application;

import java.util.List;

import org.urbancooperation.events.calendar.domain.CalendarEntry;

/**
 * One source of a participant's personal calendar feed: the sessions they registered for, and their business's B2B
 * meetings (once matching-service publishes them), each with UIDs and SEQUENCEs of its own. The feed is every
 * source's entries together; adding a source is adding a bean.
 */
@FunctionalInterface
public interface PersonalCalendarEntries {

    /** @param feed whose it is: the participant (the caller's subject) and, for a business, its business id */
    List<CalendarEntry> entriesOf(FeedTokens.Feed feed);
}
