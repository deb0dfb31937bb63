package org.urbancooperation.contracts.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * Both businesses accepted a match (from now on each sees the other's contacts, which this event never carries).
 * Unlike {@code MatchAccepted} v1, a match need not belong to a matching event: it is its own aggregate on the
 * {@code matching.match} topic, and partnership-service counts it as an accepted match of each partnership named.
 *
 * @param opportunityIds the sides' opportunities (one when the requester asked from its profile)
 * @param matchingEventId the matching event it belongs to; null outside any
 * @param partnershipIds the matching event's partnership; outside a matching event, the known partnerships whose
 *        cities include both businesses' cities; may be empty
 */
public record MatchConfirmed(
        UUID matchId,
        List<String> businessIds,
        List<UUID> opportunityIds,
        UUID matchingEventId,
        List<UUID> partnershipIds,
        Instant confirmedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return matchId.toString();
    }
}
