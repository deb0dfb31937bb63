package org.urbancooperation.matching.config;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.matching.OpportunityPublished;
import org.urbancooperation.matching.match.application.MatchService;
import org.urbancooperation.matching.match.application.ProposalSource;
import org.urbancooperation.matching.match.application.SystemProposals;
import org.urbancooperation.matching.match.messaging.SystemProposalsHandler;
import org.urbancooperation.matching.opportunity.application.OpportunityRepository;
import org.urbancooperation.matching.profile.application.BusinessProfileRepository;
import org.urbancooperation.matching.proposal.application.DeclinedPairs;
import org.urbancooperation.matching.proposal.application.KnownMatchableBusinesses;
import org.urbancooperation.matching.proposal.application.ProposalMetrics;
import org.urbancooperation.matching.proposal.application.ProposalService;
import org.urbancooperation.matching.proposal.domain.ScorePart;
import org.urbancooperation.matching.proposal.messaging.MatchingIndexHandlers;
import org.urbancooperation.matching.proposal.persistence.RepositoryBusinessDirectory;
import org.urbancooperation.matching.proposal.persistence.RepositoryOpportunityDirectory;
import org.urbancooperation.matching.proposal.persistence.index.LuceneCandidateIndex;
import org.urbancooperation.support.messaging.IntegrationEventDispatcher;
import org.urbancooperation.support.messaging.IntegrationEventHandler;
import org.urbancooperation.support.messaging.IntegrationEventSubscriptions;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the matching engine: its index, its memory of businesses, their start from the database and their events. */
@Configuration(proxyBeanMethods = false)
class ProposalConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProposalConfiguration.class);

    @Bean(destroyMethod = "close")
    LuceneCandidateIndex candidateIndex() {
        return new LuceneCandidateIndex();
    }

    @Bean
    KnownMatchableBusinesses knownMatchableBusinesses() {
        return new KnownMatchableBusinesses();
    }

    /** A pair either business declined is never proposed again: the match lifecycle's record of declines. */
    @Bean
    DeclinedPairs declinedPairs(MatchService matches) {
        return matches::isDeclined;
    }

    /** The engine as the match lifecycle asks it for system proposals: ranked candidates with their reasons. */
    @Bean
    ProposalSource proposalSource(ProposalService proposals) {
        return (opportunityId, limit) -> proposals.bestFor(opportunityId, limit).stream()
                .map(p -> new ProposalSource.Candidate(p.other().aggregate().id(), p.score().total(),
                        p.score().parts().stream().filter(part -> part.points() > 0).map(ScorePart::reason).toList()))
                .toList();
    }

    @Bean
    SystemProposals systemProposals(ProposalSource engine, MatchService matches,
            @Value("${ucp.matching.system-proposals.per-opportunity:3}") int perOpportunity,
            @Value("${ucp.matching.system-proposals.min-score:60}") int minScore) {
        return new SystemProposals(engine, matches, perOpportunity, minScore);
    }

    @Bean
    IntegrationEventHandler<OpportunityPublished> systemProposalsOnPublish(SystemProposals proposals) {
        return SystemProposalsHandler.of(proposals);
    }

    @Bean
    ProposalMetrics proposalMetrics(MeterRegistry meters, LuceneCandidateIndex index,
            KnownMatchableBusinesses businesses) {
        return new ProposalMetrics(meters, index, businesses);
    }

    /** Builds the index from the database here, before the web server and the subscriptions start. */
    @Bean
    ProposalService proposalService(OpportunityRepository opportunities, BusinessProfileRepository profiles,
            LuceneCandidateIndex index, KnownMatchableBusinesses businesses, DeclinedPairs declinedPairs,
            ProposalMetrics metrics, Clock clock) {
        ProposalService service = new ProposalService(new RepositoryOpportunityDirectory(opportunities),
                new RepositoryBusinessDirectory(profiles), index, businesses, declinedPairs, metrics, clock);
        long started = System.nanoTime();
        service.rebuild(index);
        log.info("Matching index built from the database: {} published opportunities, {} businesses in {} ms",
                index.size(), businesses.size(), (System.nanoTime() - started) / 1_000_000);
        return service;
    }

    /**
     * The index's own subscriptions, in a consumer group of this instance alone so that every replica sees every
     * change. From the earliest offset: the events written while the index was being read from the database are
     * applied as well, and the versions make those it already holds stale.
     */
    @Bean
    IntegrationEventSubscriptions matchingIndexSubscriptions(
            ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> factory, IntegrationEventMapper mapper,
            IntegrationEventSchemas schemas, MeterRegistry meters, Clock clock, LuceneCandidateIndex index,
            KnownMatchableBusinesses businesses, @Value("${spring.application.name}") String serviceName) {
        IntegrationEventDispatcher dispatcher = new IntegrationEventDispatcher(
                MatchingIndexHandlers.of(index, businesses), mapper, schemas, meters, clock);
        IntegrationEventSubscriptions subscriptions = new IntegrationEventSubscriptions(factory, dispatcher,
                serviceName + "-index-" + UUID.randomUUID(), 1);
        subscriptions.containers().forEach(c -> c.getContainerProperties().getKafkaConsumerProperties()
                .setProperty("auto.offset.reset", "earliest"));
        return subscriptions;
    }
}
