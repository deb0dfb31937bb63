package org.urbancooperation.matching.proposal.persistence;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.urbancooperation.matching.opportunity.application.OpportunityRepository;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.proposal.application.OpportunityDirectory;
import org.urbancooperation.support.application.Versioned;

/**
 * The engine's view of opportunities, read through the opportunity feature's repository interface (an adapter may use
 * another feature's port; the application never does).
 */
public class RepositoryOpportunityDirectory implements OpportunityDirectory {

    private final OpportunityRepository opportunities;

    public RepositoryOpportunityDirectory(OpportunityRepository opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public Optional<Versioned<Opportunity>> find(UUID id) {
        return opportunities.find(id);
    }

    @Override
    public void forEachPublished(Consumer<Versioned<Opportunity>> action) {
        opportunities.forEachPublished(action);
    }
}
