package org.urbancooperation.matching.proposal.domain;

import java.util.List;

import org.urbancooperation.matching.profile.domain.BusinessProfile;

/** What the scoring rules read of a business: where it is and which languages it speaks. */
public record MatchableBusiness(String id, String country, List<String> languages) {

    public MatchableBusiness {
        languages = List.copyOf(languages);
    }

    public static MatchableBusiness of(BusinessProfile p) {
        return new MatchableBusiness(p.id(), p.country(), p.languages());
    }

    /** A business whose profile is not known (yet): no country, no language, so those rules give nothing. */
    public static MatchableBusiness unknown(String id) {
        return new MatchableBusiness(id, null, List.of());
    }
}
