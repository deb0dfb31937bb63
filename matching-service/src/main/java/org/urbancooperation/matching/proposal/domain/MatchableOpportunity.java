package org.urbancooperation.matching.proposal.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.matching.opportunity.domain.CooperationType;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.opportunity.domain.OpportunityStatus;
import org.urbancooperation.matching.opportunity.domain.OpportunityType;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;

/**
 * What the scoring rules read of an opportunity: everything but its text (the index holds that). Small, so that the
 * engine keeps one per published opportunity in memory.
 */
public record MatchableOpportunity(
        UUID id,
        String businessId,
        OpportunityType type,
        OpportunityStatus status,
        Instant validUntil,
        List<Sector> sectors,
        List<Subsector> subsectors,
        List<CooperationType> cooperationTypes,
        List<String> targetCountries) {

    public MatchableOpportunity {
        sectors = List.copyOf(sectors);
        subsectors = List.copyOf(subsectors);
        cooperationTypes = List.copyOf(cooperationTypes);
        targetCountries = List.copyOf(targetCountries);
    }

    public static MatchableOpportunity of(Opportunity o) {
        return new MatchableOpportunity(o.id(), o.businessId(), o.type(), o.status(), o.validUntil(), o.sectors(),
                o.subsectors(), o.cooperationTypes(), o.targetCountries());
    }

    public boolean isOffer() {
        return type == OpportunityType.BUSINESS_OFFER || type == OpportunityType.TECHNOLOGY_OFFER;
    }
}
