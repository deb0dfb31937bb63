package org.urbancooperation.partnership.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.partnership.actionplan.application.ActionPlanService;
import org.urbancooperation.partnership.actionplan.application.ActionRepository;
import org.urbancooperation.partnership.actionplan.application.FocalPointRepository;
import org.urbancooperation.partnership.actionplan.application.PartnershipDirectory;
import org.urbancooperation.partnership.actionplan.metrics.ActionGauges;
import org.urbancooperation.partnership.actionplan.persistence.MongoActionRepository;
import org.urbancooperation.partnership.actionplan.persistence.MongoFocalPointRepository;
import org.urbancooperation.partnership.actionplan.persistence.PartnershipRepositoryDirectory;
import org.urbancooperation.partnership.partnership.application.PartnershipRepository;
import org.urbancooperation.support.mongo.AggregateStores;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the action plan feature: focal points, actions, their gauges. */
@Configuration(proxyBeanMethods = false)
class ActionPlanConfiguration {

    @Bean
    PartnershipDirectory actionPlanPartnerships(PartnershipRepository partnerships) {
        return new PartnershipRepositoryDirectory(partnerships);
    }

    @Bean
    FocalPointRepository focalPointRepository(AggregateStores stores) {
        return new MongoFocalPointRepository(stores);
    }

    @Bean
    ActionRepository actionRepository(AggregateStores stores) {
        return new MongoActionRepository(stores);
    }

    @Bean
    ActionPlanService actionPlanService(PartnershipDirectory partnerships, FocalPointRepository focalPoints,
            ActionRepository actions, Clock clock) {
        return new ActionPlanService(partnerships, focalPoints, actions, clock);
    }

    @Bean(destroyMethod = "close")
    ActionGauges actionGauges(ActionRepository actions, Clock clock, MeterRegistry meters,
            @Value("${ucp.action-plans.gauge-interval:30s}") Duration interval) {
        return new ActionGauges(actions, clock, meters, interval);
    }
}
