package org.urbancooperation.matching.meeting.messaging;

import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.matching.MeetingCancelled;
import org.urbancooperation.contracts.matching.MeetingHeld;
import org.urbancooperation.contracts.matching.MeetingNoShow;
import org.urbancooperation.contracts.matching.MeetingRescheduled;
import org.urbancooperation.contracts.matching.MeetingScheduled;
import org.urbancooperation.matching.meeting.application.MeetingEventFacts;
import org.urbancooperation.matching.meeting.domain.Meeting;
import org.urbancooperation.matching.meeting.domain.MeetingChange;

/** Maps the domain's meeting changes to the published contracts; the contracts never leak into the domain. */
public final class MeetingIntegrationEvents {

    private MeetingIntegrationEvents() {
    }

    public static List<IntegrationEvent> of(List<MeetingChange> changes, MeetingEventFacts facts) {
        return changes.stream().map(change -> of(change, facts)).toList();
    }

    static IntegrationEvent of(MeetingChange change, MeetingEventFacts facts) {
        Meeting m = change.meeting();
        String interpreter = m.interpreter() == null ? null : m.interpreter().toString();
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
        if (change instanceof MeetingChange.Scheduled) {
            return new MeetingScheduled(m.id(), m.matchingEventId(), matchId(m), businesses(m), m.startsAt(),
                    m.endsAt(), facts.timeZone(), m.table(), m.roomLink(), interpreter, m.sequence(), facts.title());
        }
        if (change instanceof MeetingChange.Rescheduled) {
            return new MeetingRescheduled(m.id(), m.matchingEventId(), matchId(m), businesses(m), m.startsAt(),
                    m.endsAt(), facts.timeZone(), m.table(), m.roomLink(), interpreter, m.sequence(), facts.title());
        }
        if (change instanceof MeetingChange.Cancelled cancelled) {
            return new MeetingCancelled(m.id(), m.matchingEventId(), matchId(m), businesses(m), m.startsAt(),
                    m.endsAt(), facts.timeZone(), m.table(), m.roomLink(), interpreter, m.sequence(), facts.title(),
                    cancelled.reason());
        }
        if (change instanceof MeetingChange.Held) {
            return new MeetingHeld(m.id(), m.matchingEventId(), matchId(m), List.of(m.partnershipId()), facts.at());
        }
        if (change instanceof MeetingChange.NoShow noShow) {
            return new MeetingNoShow(m.id(), m.matchingEventId(), matchId(m), List.of(m.partnershipId()),
                    List.copyOf(noShow.absent()), m.endsAt(), facts.at());
        }
        throw new IllegalArgumentException("unmapped meeting change " + change.getClass().getName());
    }

    /** Matches are identified by UUIDs; the scheduler's domain takes them as text. */
    private static UUID matchId(Meeting m) {
        return UUID.fromString(m.matchId());
    }

    private static List<String> businesses(Meeting m) {
        return List.of(m.participantA(), m.participantB());
    }
}
