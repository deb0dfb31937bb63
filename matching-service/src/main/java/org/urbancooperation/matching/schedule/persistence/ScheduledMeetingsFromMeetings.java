package org.urbancooperation.matching.schedule.persistence;

import java.util.List;
import java.util.UUID;

import org.urbancooperation.matching.meeting.application.MeetingEventFacts;
import org.urbancooperation.matching.meeting.application.MeetingGauges;
import org.urbancooperation.matching.meeting.application.MeetingRepository;
import org.urbancooperation.matching.meeting.domain.Meeting;
import org.urbancooperation.matching.meeting.domain.MeetingChange;
import org.urbancooperation.matching.schedule.application.ScheduledMeetings;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;

/** A release's meetings, written through the meeting feature's repository (its outbox and events). */
public class ScheduledMeetingsFromMeetings implements ScheduledMeetings {

    private final MeetingRepository meetings;
    private final MeetingGauges gauges;
    private final java.time.Clock clock;

    public ScheduledMeetingsFromMeetings(MeetingRepository meetings, MeetingGauges gauges, java.time.Clock clock) {
        this.meetings = meetings;
        this.gauges = gauges;
        this.clock = clock;
    }

    @Override
    public List<Versioned<Meeting>> ofMatchingEvent(UUID matchingEventId) {
        return meetings.ofMatchingEvent(matchingEventId);
    }

    @Override
    public void insert(ResultWithEvents<Meeting, MeetingChange> created, String title, String timeZone) {
        meetings.insert(created, new MeetingEventFacts(title, timeZone, clock.instant()));
        gauges.refreshSoon();
    }

    @Override
    public void update(ResultWithEvents<Meeting, MeetingChange> changed, long readVersion, String title,
            String timeZone) {
        meetings.update(changed, readVersion, ExpectedVersion.any(),
                new MeetingEventFacts(title, timeZone, clock.instant()));
        gauges.refreshSoon();
    }

    @Override
    public Versioned<Meeting> get(UUID id) {
        return meetings.find(id).orElseThrow(() -> new NotFoundException("Meeting", id));
    }
}
