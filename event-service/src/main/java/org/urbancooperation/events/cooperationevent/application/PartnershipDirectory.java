package org.urbancooperation.events.cooperationevent.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The partnerships this service knows of (from partnership-service's events), as cooperation events need them. */
public interface PartnershipDirectory {

    boolean exists(UUID partnershipId);

    /** @return the distinct IANA time zones of the partner cities; empty when the partnership is unknown */
    Optional<List<String>> timeZonesOf(UUID partnershipId);

    /** @return the organisations whose partners act for the partnership; empty when it is unknown */
    Optional<List<String>> partnerOrganisationsOf(UUID partnershipId);
}
