package org.urbancooperation.matching.proposal.application;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.urbancooperation.matching.proposal.domain.MatchableBusiness;

/**
 * This instance's memory of every business's country and languages, which the scoring reads for each of hundreds of
 * candidates per request (too many to read from the database each time). Versioned like the index.
 */
public final class KnownMatchableBusinesses {

    private record Known(MatchableBusiness business, long version) {
    }

    private final Map<String, Known> businesses = new ConcurrentHashMap<>();

    /** @return whether it changed what is known (false for an older version than the one held) */
    public boolean apply(MatchableBusiness business, long version) {
        boolean[] applied = {false};
        businesses.compute(business.id(), (id, known) -> {
            if (known != null && known.version() >= version) {
                return known;
            }
            applied[0] = true;
            return new Known(business, version);
        });
        return applied[0];
    }

    public MatchableBusiness get(String businessId) {
        Known known = businesses.get(businessId);
        return known == null ? MatchableBusiness.unknown(businessId) : known.business();
    }

    public int size() {
        return businesses.size();
    }
}
