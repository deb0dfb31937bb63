package org.urbancooperation.partnership.indicator.application;

import java.util.UUID;

import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.partnership.indicator.application.PartnershipDirectory.PartnershipFacts;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.security.Caller;

/**
 * Who may read what a partnership has done: operators and staff of its member organisations always; everybody else
 * (businesses, other partners, anonymous callers) only while it is ACTIVE, and to them the others do not exist (404).
 * A partnership stored before partnerships had a status counts as active.
 */
final class PartnershipReadAccess {

    static final String ACTIVE = "ACTIVE";

    private PartnershipReadAccess() {
    }

    static void requireReadable(Caller caller, UUID partnershipId, PartnershipFacts partnership) {
        boolean member = caller.is(Role.PARTNER)
                && caller.organisationId().filter(partnership.partnerOrganisations()::contains).isPresent();
        if (caller.isOperator() || member || partnership.status().map(ACTIVE::equals).orElse(true)) {
            return;
        }
        throw new NotFoundException("Partnership", partnershipId);
    }
}
