package org.urbancooperation.matching.proposal.messaging;

import java.util.List;

import org.urbancooperation.contracts.matching.BusinessProfileChanged;
import org.urbancooperation.contracts.matching.BusinessProfileRegistered;
import org.urbancooperation.contracts.matching.OpportunityChanged;
import org.urbancooperation.contracts.matching.OpportunityExpired;
import org.urbancooperation.contracts.matching.OpportunityPublished;
import org.urbancooperation.contracts.matching.OpportunityWithdrawn;
import org.urbancooperation.matching.opportunity.domain.CooperationType;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.opportunity.domain.OpportunityStatus;
import org.urbancooperation.matching.opportunity.domain.OpportunityType;
import org.urbancooperation.matching.proposal.application.CandidateIndex;
import org.urbancooperation.matching.proposal.application.KnownMatchableBusinesses;
import org.urbancooperation.matching.proposal.domain.MatchableBusiness;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;
import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.messaging.IntegrationEventHandler;

/**
 * Keeps this instance's matching index and its memory of businesses current from the service's own integration
 * events. Not beans: they are subscribed in a consumer group of this instance alone, so that every replica sees every
 * event (in the service's shared group each event would reach one replica only). Each change carries the aggregate's
 * version, so a redelivered or older event is {@link HandlingOutcome#STALE}.
 */
public final class MatchingIndexHandlers {

    private MatchingIndexHandlers() {
    }

    public static List<IntegrationEventHandler<?>> of(CandidateIndex index, KnownMatchableBusinesses businesses) {
        return List.of(
                IntegrationEventHandler.of(OpportunityPublished.class, (e, envelope) -> outcome(index.apply(
                        published(e.opportunityId(), e.businessId(), e.type(), e.title(), e.summary(), e.sectors(),
                                e.subsectors(), e.keywords(), e.cooperationTypes(), e.targetCountries(),
                                e.referenceCode(), e.validUntil()), envelope.aggregateVersion()))),
                IntegrationEventHandler.of(OpportunityChanged.class, (e, envelope) -> outcome(index.apply(
                        published(e.opportunityId(), e.businessId(), e.type(), e.title(), e.summary(), e.sectors(),
                                e.subsectors(), e.keywords(), e.cooperationTypes(), e.targetCountries(),
                                e.referenceCode(), e.validUntil()), envelope.aggregateVersion()))),
                IntegrationEventHandler.of(OpportunityExpired.class, (e, envelope) ->
                        outcome(index.remove(e.opportunityId(), envelope.aggregateVersion()))),
                IntegrationEventHandler.of(OpportunityWithdrawn.class, (e, envelope) ->
                        outcome(index.remove(e.opportunityId(), envelope.aggregateVersion()))),
                IntegrationEventHandler.of(BusinessProfileRegistered.class, (e, envelope) -> outcome(businesses.apply(
                        new MatchableBusiness(e.businessId(), e.country(), e.languages()),
                        envelope.aggregateVersion()))),
                IntegrationEventHandler.of(BusinessProfileChanged.class, (e, envelope) -> outcome(businesses.apply(
                        new MatchableBusiness(e.businessId(), e.country(), e.languages()),
                        envelope.aggregateVersion()))));
    }

    private static Opportunity published(java.util.UUID id, String businessId, String type,
            java.util.Map<String, String> title, java.util.Map<String, String> summary, List<String> sectors,
            List<String> subsectors, List<String> keywords, List<String> cooperationTypes,
            List<String> targetCountries, String referenceCode, java.time.Instant validUntil) {
        return new Opportunity(id, businessId, OpportunityType.valueOf(type), new LocalizedText(title),
                new LocalizedText(summary), sectors.stream().map(Sector::valueOf).toList(),
                subsectors.stream().map(Subsector::valueOf).toList(), keywords,
                cooperationTypes.stream().map(CooperationType::valueOf).toList(), targetCountries, referenceCode,
                validUntil, OpportunityStatus.PUBLISHED, null);
    }

    private static HandlingOutcome outcome(boolean applied) {
        return applied ? HandlingOutcome.APPLIED : HandlingOutcome.STALE;
    }
}
