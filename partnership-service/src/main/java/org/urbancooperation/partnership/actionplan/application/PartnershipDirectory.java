package org.urbancooperation.partnership.actionplan.application;

import java.util.Optional;
import java.util.UUID;

/** The partnerships the action plans belong to: a port, so that this feature depends on no other's application. */
public interface PartnershipDirectory {

    Optional<PartnershipFacts> find(UUID partnershipId);
}
