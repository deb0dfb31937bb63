package org.urbancooperation.matching.matchingevent.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The partnerships this service has heard of; matching events may only belong to one of them. */
public interface PartnershipDirectory {

    /** @return the organisations whose partners act for the partnership; empty when it is unknown */
    Optional<List<String>> partnerOrganisationsOf(UUID partnershipId);
}
