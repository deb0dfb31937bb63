package org.urbancooperation.contracts.matching;

import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * Both businesses of a confirmed match reported that they reached a cooperation agreement. Unlike
 * {@code BusinessAgreementReached} v1 it needs no matching event: the match is the aggregate (on
 * {@code matching.match}), and partnership-service counts it as a business agreement of each partnership named.
 *
 * @param cooperationTypes the kinds of cooperation the two reported (each once)
 * @param matchingEventId the matching event the match belongs to; null outside any
 */
public record CooperationAgreementReached(
        UUID matchId,
        List<String> businessIds,
        UUID matchingEventId,
        List<UUID> partnershipIds,
        List<String> cooperationTypes) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return matchId.toString();
    }
}
