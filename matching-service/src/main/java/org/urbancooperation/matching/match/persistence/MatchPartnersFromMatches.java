package org.urbancooperation.matching.match.persistence;

import org.urbancooperation.matching.match.application.MatchRepository;
import org.urbancooperation.matching.profile.application.MatchPartners;

/** Two businesses are confirmed match partners when they have a CONFIRMED match (both accepted). */
public class MatchPartnersFromMatches implements MatchPartners {

    private final MatchRepository matches;

    public MatchPartnersFromMatches(MatchRepository matches) {
        this.matches = matches;
    }

    @Override
    public boolean areConfirmedPartners(String businessId, String otherBusinessId) {
        return !businessId.equals(otherBusinessId) && matches.confirmedBetween(businessId, otherBusinessId);
    }
}
