package org.urbancooperation.events.cooperationevent.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The partnerships this service knows of (from partnership-service's events), as cooperation events need them. */
public interface PartnershipDirectory {

    /**
     * @param timeZones the distinct IANA time zones of the partner cities
     * @param partnerOrganisations the organisations whose partners act for the partnership
     */
    record KnownPartnership(List<String> timeZones, List<String> partnerOrganisations) {
    }

    /** @return empty when the partnership is unknown here */
    Optional<KnownPartnership> find(UUID partnershipId);
}
