package org.urbancooperation.partnership.actionplan.application;

import java.util.List;
import java.util.UUID;

/**
 * What the action plan needs to know of a partnership: its member organisations (whose partner staff change the
 * plan) and whether it is open to everybody's reading (an ACTIVE partnership: businesses and anonymous callers read
 * its plan).
 */
public record PartnershipFacts(UUID id, List<String> partnerOrganisations, boolean active) {

    public PartnershipFacts {
        partnerOrganisations = List.copyOf(partnerOrganisations);
    }
}
