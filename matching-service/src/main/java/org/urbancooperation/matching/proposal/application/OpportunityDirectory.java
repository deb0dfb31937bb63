package org.urbancooperation.matching.proposal.application;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.support.application.Versioned;

/** The opportunities as stored: what the index is built from, and the truth about those about to be shown. */
public interface OpportunityDirectory {

    Optional<Versioned<Opportunity>> find(UUID id);

    /** Every published opportunity with its version. */
    void forEachPublished(Consumer<Versioned<Opportunity>> action);
}
