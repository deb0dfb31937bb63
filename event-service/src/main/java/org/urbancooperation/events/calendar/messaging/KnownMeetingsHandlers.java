package org.urbancooperation.events.calendar.messaging;

import java.time.ZoneId;

import org.urbancooperation.contracts.matching.MeetingCancelled;
import org.urbancooperation.contracts.matching.MeetingRescheduled;
import org.urbancooperation.contracts.matching.MeetingScheduled;
import org.urbancooperation.events.calendar.domain.BusinessMeeting;
import org.urbancooperation.events.calendar.persistence.KnownMeetings;
import org.urbancooperation.support.messaging.IntegrationEventHandler;

/**
 * Consumes matching-service's meetings into {@link KnownMeetings} for the personal calendar feeds. Every event
 * carries the whole meeting, so each replaces the stored one when its aggregate version is newer; a redelivered or
 * older event (one overtaken by a reschedule or the cancellation) is stale.
 */
public final class KnownMeetingsHandlers {

    private KnownMeetingsHandlers() {
    }

    public static IntegrationEventHandler<MeetingScheduled> scheduled(KnownMeetings meetings) {
        return IntegrationEventHandler.of(MeetingScheduled.class, (e, envelope) -> meetings.record(
                new BusinessMeeting(e.meetingId(), e.businessIds(), e.startsAt(), e.endsAt(), zone(e.timeZone()),
                        e.table(), e.roomLink(), e.interpreter(), e.sequence(), e.title(), false, null,
                        envelope.occurredAt()),
                envelope.aggregateVersion()));
    }

    public static IntegrationEventHandler<MeetingRescheduled> rescheduled(KnownMeetings meetings) {
        return IntegrationEventHandler.of(MeetingRescheduled.class, (e, envelope) -> meetings.record(
                new BusinessMeeting(e.meetingId(), e.businessIds(), e.startsAt(), e.endsAt(), zone(e.timeZone()),
                        e.table(), e.roomLink(), e.interpreter(), e.sequence(), e.title(), false, null,
                        envelope.occurredAt()),
                envelope.aggregateVersion()));
    }

    public static IntegrationEventHandler<MeetingCancelled> cancelled(KnownMeetings meetings) {
        return IntegrationEventHandler.of(MeetingCancelled.class, (e, envelope) -> meetings.record(
                new BusinessMeeting(e.meetingId(), e.businessIds(), e.startsAt(), e.endsAt(), zone(e.timeZone()),
                        e.table(), e.roomLink(), e.interpreter(), e.sequence(), e.title(), true, e.reason(),
                        envelope.occurredAt()),
                envelope.aggregateVersion()));
    }

    /** A zone the schema admits but this JDK does not know fails here, and the record goes to the dead letters. */
    private static ZoneId zone(String timeZone) {
        return timeZone == null ? null : ZoneId.of(timeZone);
    }
}
