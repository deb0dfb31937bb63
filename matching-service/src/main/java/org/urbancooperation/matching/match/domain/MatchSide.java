package org.urbancooperation.matching.match.domain;

import java.time.Instant;
import java.util.UUID;

import org.urbancooperation.support.domain.Require;

/**
 * One of the two businesses of a match.
 *
 * @param opportunityId its opportunity the match is about; null when a business expressed interest from its profile
 * @param acceptedAt when it accepted; null until then
 * @param outcome what it reported after meeting; null until then
 */
public record MatchSide(String businessId, UUID opportunityId, Instant acceptedAt, Outcome outcome) {

    public MatchSide {
        Require.slugShape("businessId", businessId);
    }

    public boolean hasAccepted() {
        return acceptedAt != null;
    }

    MatchSide accepted(Instant at) {
        return new MatchSide(businessId, opportunityId, at, outcome);
    }

    MatchSide reported(Outcome reported) {
        return new MatchSide(businessId, opportunityId, acceptedAt, reported);
    }
}
