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

    /** Waits a bounded while for a partnership established a moment ago; empty when it is still unknown. */
    Optional<KnownPartnership> find(UUID partnershipId);

    /** Without waiting: for checks on partnerships a stored event already names. */
    Optional<KnownPartnership> findNow(UUID partnershipId);
}
