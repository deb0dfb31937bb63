package org.urbancooperation.matching.synthetic.persistence;

import java.time.Clock;
import java.time.Instant;

import org.urbancooperation.matching.opportunity.application.OpportunityRepository;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.profile.application.BusinessProfileRepository;
import org.urbancooperation.matching.profile.domain.BusinessProfile;
import org.urbancooperation.matching.synthetic.application.SyntheticMatchingData;
import org.urbancooperation.support.application.ConcurrentModificationConflict;

/**
 * Stores a synthetic dataset through the profile and opportunity features' repositories (an adapter may use another
 * feature's port; the application never does): each profile registered and each opportunity published in one write
 * with its events, as the API would, so that the matching index and every other consumer hear of them. Stores again what is there
 * already without harm (ids are deterministic for the seed), so a demo may load at every start.
 */
public class SyntheticDataLoader {

    private final BusinessProfileRepository profiles;
    private final OpportunityRepository opportunities;
    private final Clock clock;

    public SyntheticDataLoader(BusinessProfileRepository profiles, OpportunityRepository opportunities, Clock clock) {
        this.profiles = profiles;
        this.opportunities = opportunities;
        this.clock = clock;
    }

    /** @return how many opportunities were published now (not there before) */
    public int load(long seed, int count) {
        Instant now = clock.instant();
        SyntheticMatchingData.Dataset data = new SyntheticMatchingData(seed).generate(count, now);
        for (SyntheticMatchingData.Business b : data.businesses()) {
            if (profiles.find(b.id()).isEmpty()) {
                try {
                    profiles.insert(BusinessProfile.register(b.id(), b.profile()));
                } catch (ConcurrentModificationConflict e) {
                    // Registered meanwhile by another instance loading the same data.
                }
            }
        }
        int published = 0;
        for (SyntheticMatchingData.Offering o : data.opportunities()) {
            if (opportunities.find(o.id()).isPresent()) {
                continue;
            }
            try {
                opportunities.insert(Opportunity.draft(o.id(), o.businessId(), o.input(), now).aggregate()
                        .publish(now));
                published++;
            } catch (ConcurrentModificationConflict e) {
                // Stored meanwhile by another instance loading the same data.
            }
        }
        return published;
    }
}
