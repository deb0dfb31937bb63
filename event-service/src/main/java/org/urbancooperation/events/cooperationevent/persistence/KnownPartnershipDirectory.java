package org.urbancooperation.events.cooperationevent.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.events.cooperationevent.application.PartnershipDirectory;
import org.urbancooperation.support.readmodel.KnownPartnerships;

/** The partnerships in this service's own read model, kept from partnership-service's PartnershipEstablished. */
public class KnownPartnershipDirectory implements PartnershipDirectory {

    private final KnownPartnerships knownPartnerships;

    public KnownPartnershipDirectory(KnownPartnerships knownPartnerships) {
        this.knownPartnerships = knownPartnerships;
    }

    @Override
    public boolean exists(UUID partnershipId) {
        return knownPartnerships.exists(partnershipId);
    }

    @Override
    public Optional<List<String>> timeZonesOf(UUID partnershipId) {
        return knownPartnerships.find(partnershipId).map(KnownPartnerships.KnownPartnership::timeZones);
    }

    @Override
    public Optional<List<String>> partnerOrganisationsOf(UUID partnershipId) {
        return knownPartnerships.find(partnershipId).map(KnownPartnerships.KnownPartnership::partnerOrganisations);
    }
}
