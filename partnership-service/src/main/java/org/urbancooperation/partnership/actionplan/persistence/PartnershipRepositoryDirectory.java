package org.urbancooperation.partnership.actionplan.persistence;

import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.partnership.actionplan.application.PartnershipDirectory;
import org.urbancooperation.partnership.actionplan.application.PartnershipFacts;
import org.urbancooperation.partnership.partnership.application.PartnershipRepository;

/**
 * The action plan's view of partnerships, read through the partnership feature's repository interface (an
 * adapter may use another feature's port; the application never does). Uses only the partnership's id and
 * {@code partnerOrganisations()}.
 */
public class PartnershipRepositoryDirectory implements PartnershipDirectory {

    private final PartnershipRepository partnerships;

    public PartnershipRepositoryDirectory(PartnershipRepository partnerships) {
        this.partnerships = partnerships;
    }

    @Override
    public Optional<PartnershipFacts> find(UUID partnershipId) {
        // A partnership has no lifecycle status yet: every established one is active. Once it has one, active is
        // status == ACTIVE here, and nothing else in this feature changes.
        return partnerships.find(partnershipId).map(v -> new PartnershipFacts(v.aggregate().id(),
                v.aggregate().partnerOrganisations(), true));
    }
}
