package org.urbancooperation.partnership.indicator.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the indicator feature needs to know about a partnership: its members and, once it has one, its status. */
public interface PartnershipDirectory {

    /**
     * @param partnerOrganisations the member organisations' slugs
     * @param status e.g. ACTIVE; empty for partnerships stored before they had a lifecycle
     */
    record PartnershipFacts(List<String> partnerOrganisations, Optional<String> status) {

        public PartnershipFacts {
            partnerOrganisations = List.copyOf(partnerOrganisations);
        }
    }

    Optional<PartnershipFacts> find(UUID partnershipId);
}
