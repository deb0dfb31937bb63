package org.urbancooperation.events.cooperationevent.persistence;

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
    public Optional<KnownPartnership> find(UUID partnershipId) {
        return knownPartnerships.awaitFind(partnershipId)
                .map(p -> new KnownPartnership(p.timeZones(), p.partnerOrganisations()));
    }
}
