package org.urbancooperation.matching.schedule.application;

import java.util.List;
import java.util.UUID;

import org.urbancooperation.matching.meeting.domain.Meeting;
import org.urbancooperation.matching.meeting.domain.MeetingChange;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;

/**
 * The meetings a release creates, moves and cancels, each written with its events in one write (the meeting feature
 * stores them).
 */
public interface ScheduledMeetings {

    List<Versioned<Meeting>> ofMatchingEvent(UUID matchingEventId);

    /** @param title the matching event's title, @param timeZone its zone (null when none), for the calendar entries */
    void insert(ResultWithEvents<Meeting, MeetingChange> created, String title, String timeZone);

    /** @throws org.urbancooperation.support.application.ConcurrentModificationConflict when it changed meanwhile */
    void update(ResultWithEvents<Meeting, MeetingChange> changed, long readVersion, String title, String timeZone);

    Versioned<Meeting> get(UUID id);
}
