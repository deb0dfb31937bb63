package org.urbancooperation.matching.meeting.domain;

import java.util.Set;

/** What a command on a meeting raised; the application turns each into an integration event. */
public sealed interface MeetingChange {

    Meeting meeting();

    record Scheduled(Meeting meeting) implements MeetingChange {
    }

    /** Another slot, table or interpreter; {@code meeting.sequence()} counts these, for calendar programs. */
    record Rescheduled(Meeting meeting) implements MeetingChange {
    }

    record Cancelled(Meeting meeting, String reason) implements MeetingChange {
    }

    record Held(Meeting meeting) implements MeetingChange {
    }

    /** @param absent the participants who did not check in */
    record NoShow(Meeting meeting, Set<String> absent) implements MeetingChange {
    }
}
