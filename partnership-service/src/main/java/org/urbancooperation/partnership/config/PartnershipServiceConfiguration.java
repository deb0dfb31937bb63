package org.urbancooperation.partnership.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.contracts.events.CooperationEventScheduled;
import org.urbancooperation.contracts.matching.MatchingEventOpened;
import org.urbancooperation.partnership.indicator.application.IndicatorStore;
import org.urbancooperation.partnership.indicator.application.ProgrammeIndicatorService;
import org.urbancooperation.partnership.indicator.messaging.IndicatorReportHandlers;
import org.urbancooperation.partnership.indicator.persistence.MongoIndicatorStore;
import org.urbancooperation.partnership.partnership.application.PartnershipRepository;
import org.urbancooperation.partnership.partnership.application.PartnershipService;
import org.urbancooperation.partnership.partnership.persistence.MongoPartnershipRepository;
import org.urbancooperation.support.messaging.IntegrationEventHandler;
import org.urbancooperation.support.mongo.AggregateStores;

import com.mongodb.client.MongoDatabase;

/** Wires the features' plain application classes to their adapters. */
@Configuration(proxyBeanMethods = false)
class PartnershipServiceConfiguration {

    @Bean
    PartnershipRepository partnershipRepository(AggregateStores stores) {
        return new MongoPartnershipRepository(stores);
    }

    @Bean
    PartnershipService partnershipService(PartnershipRepository partnerships) {
        return new PartnershipService(partnerships);
    }

    @Bean
    IndicatorStore indicatorStore(MongoDatabase database) {
        return new MongoIndicatorStore(database);
    }

    @Bean
    ProgrammeIndicatorService programmeIndicatorService(IndicatorStore store, PartnershipService partnerships) {
        return new ProgrammeIndicatorService(store, partnerships);
    }

    @Bean
    IntegrationEventHandler<CooperationEventScheduled> cooperationEventIndicators(IndicatorStore store) {
        return IndicatorReportHandlers.cooperationEvents(store);
    }

    @Bean
    IntegrationEventHandler<MatchingEventOpened> matchingEventIndicators(IndicatorStore store) {
        return IndicatorReportHandlers.matchingEvents(store);
    }
}
