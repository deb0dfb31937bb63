package org.urbancooperation.matching.proposal.application;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.profile.domain.BusinessProfile;
import org.urbancooperation.support.application.Versioned;

/**
 * The stored opportunities and profiles as the engine's ports see them, in maps: for tests of the ranking over
 * thousands of opportunities without a database (the Mongo-backed directories only delegate to the repositories).
 */
final class InMemoryDirectories implements OpportunityDirectory, BusinessDirectory {

    final Map<UUID, Versioned<Opportunity>> opportunities = new HashMap<>();
    final Map<String, Versioned<BusinessProfile>> profiles = new HashMap<>();

    @Override
    public Optional<Versioned<Opportunity>> find(UUID id) {
        return Optional.ofNullable(opportunities.get(id));
    }

    @Override
    public void forEachPublished(Consumer<Versioned<Opportunity>> action) {
        opportunities.values().stream().filter(v -> v.aggregate().isPublished()).forEach(action);
    }

    @Override
    public Optional<Versioned<BusinessProfile>> find(String businessId) {
        return Optional.ofNullable(profiles.get(businessId));
    }

    @Override
    public void forEach(Consumer<Versioned<BusinessProfile>> action) {
        profiles.values().forEach(action);
    }
}
