package org.urbancooperation.matching.match.application;

import java.util.UUID;

import org.urbancooperation.matching.match.domain.MatchStatus;

/**
 * What a list of matches is narrowed to; each field null for any.
 *
 * @param involving only matches this business is a side of (a business sees no others); null for operators
 * @param businessId only matches of this business (an operator's filter)
 * @param opportunityId only matches about this opportunity (on either side)
 */
public record MatchFilter(String involving, String businessId, MatchStatus status, UUID opportunityId,
        UUID matchingEventId) {
}
