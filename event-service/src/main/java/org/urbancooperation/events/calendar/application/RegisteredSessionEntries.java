package org.urbancooperation.events.calendar.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.urbancooperation.events.calendar.domain.CalendarEntry;
import org.urbancooperation.events.calendar.domain.EventCalendar;
import org.urbancooperation.support.application.Versioned;

/**
 * The sessions a participant registered for, as entries of the event's own calendar (same UIDs and SEQUENCEs, so a
 * program subscribed to both sees one entry). A registration for the whole event brings all of its entries; drafts
 * never appear.
 */
public class RegisteredSessionEntries implements PersonalCalendarEntries {

    private final SessionRegistrations registrations;
    private final CalendarEvents cooperationEvents;

    public RegisteredSessionEntries(SessionRegistrations registrations, CalendarEvents cooperationEvents) {
        this.registrations = registrations;
        this.cooperationEvents = cooperationEvents;
    }

    @Override
    public List<CalendarEntry> entriesOf(FeedTokens.Feed feed) {
        List<CalendarEntry> entries = new ArrayList<>();
        for (SessionRegistrations.Registered registered : registrations.confirmedOf(feed.participant())) {
            cooperationEvents.find(registered.eventId()).ifPresent(found -> entries.addAll(chosen(found,
                    registered.sessionIds())));
        }
        return entries;
    }

    private static List<CalendarEntry> chosen(Versioned<org.urbancooperation.events.cooperationevent.domain
            .CooperationEvent> found, Set<java.util.UUID> sessionIds) {
        List<CalendarEntry> all = EventCalendar.entriesOf(found.aggregate(), found.version());
        if (sessionIds.isEmpty()) {
            return all;
        }
        Set<String> uids = sessionIds.stream().map(EventCalendar::uidOf).collect(Collectors.toSet());
        return all.stream().filter(e -> uids.contains(e.uid())).toList();
    }
}
