package org.urbancooperation.partnership.report.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.partnership.report.domain.CooperationEventEntry;

/**
 * The report's own read model of event-service's cooperation events: one entry per cooperation event with the
 * latest state its integration events told, by their aggregate version.
 */
public interface CooperationEventCalendar {

    /**
     * What one integration event says about a cooperation event. Null fields are not told by it (a cancellation
     * tells no title or times).
     */
    record Fact(UUID cooperationEventId, List<UUID> partnershipIds, CooperationEventEntry.State state, String title,
            String format, Instant startsAt, Instant endsAt, String cancellationReason) {
    }

    /**
     * Stores the fact's state if {@code aggregateVersion} is newer than the stored one, in one write. An older fact
     * (a redelivery, or one overtaken by a later one) changes the state no more, but may still fill in the title and
     * times a newer cancellation could not tell.
     *
     * @return true when the state was stored; false when the stored state is as new or newer
     */
    boolean record(Fact fact, long aggregateVersion);

    /** The cooperation events that name the partnership, in any order. */
    List<CooperationEventEntry> ofPartnership(UUID partnershipId);
}
