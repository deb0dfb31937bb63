package org.urbancooperation.matching.match.application;

import java.util.Optional;
import java.util.UUID;

/** What a match needs to know of an opportunity: whose it is and whether it is published. */
public interface MatchedOpportunities {

    record MatchedOpportunity(UUID id, String businessId, boolean published) {
    }

    Optional<MatchedOpportunity> find(UUID opportunityId);
}
