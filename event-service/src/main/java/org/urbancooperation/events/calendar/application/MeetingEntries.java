package org.urbancooperation.events.calendar.application;

import java.util.Comparator;
import java.util.List;

import org.urbancooperation.events.calendar.domain.BusinessMeeting;
import org.urbancooperation.events.calendar.domain.CalendarEntry;

/**
 * The B2B meetings of the feed's business, cancelled ones included (as cancelled, so that calendar programs take
 * them off). A feed issued to a caller without a business, or before feeds recorded it, has none.
 */
public class MeetingEntries implements PersonalCalendarEntries {

    private final BusinessMeetings meetings;

    public MeetingEntries(BusinessMeetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public List<CalendarEntry> entriesOf(FeedTokens.Feed feed) {
        if (feed.businessId() == null) {
            return List.of();
        }
        return meetings.of(feed.businessId()).stream()
                .sorted(Comparator.comparing(BusinessMeeting::startsAt).thenComparing(BusinessMeeting::meetingId))
                .map(meeting -> meeting.entryFor(feed.businessId()))
                .toList();
    }
}
