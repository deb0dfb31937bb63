package org.urbancooperation.partnership.report.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A cooperation event of event-service as the report's calendar knows it, from the integration events
 * {@code events.CooperationEventScheduled}, {@code events.CooperationEventHeld} and
 * {@code events.CooperationEventCancelled}.
 *
 * @param title null until a scheduled or held fact arrived (a cancellation carries none)
 * @param startsAt null until a scheduled or held fact arrived
 * @param cancellationReason null unless cancelled with a reason
 */
public record CooperationEventEntry(
        UUID cooperationEventId,
        List<UUID> partnershipIds,
        String title,
        String format,
        Instant startsAt,
        Instant endsAt,
        State state,
        String cancellationReason) {

    public enum State {
        SCHEDULED, HELD, CANCELLED
    }

    public CooperationEventEntry {
        partnershipIds = List.copyOf(partnershipIds);
    }

    /** Scheduled (neither held nor cancelled) and starts after {@code now}. */
    public boolean isUpcoming(Instant now) {
        return state == State.SCHEDULED && startsAt != null && startsAt.isAfter(now);
    }

    /** Not cancelled, and held or started by {@code now}. */
    public boolean isPast(Instant now) {
        return state != State.CANCELLED && (state == State.HELD || (startsAt != null && !startsAt.isAfter(now)));
    }
}
