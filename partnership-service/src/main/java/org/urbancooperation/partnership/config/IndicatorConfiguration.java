package org.urbancooperation.partnership.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.contracts.events.CooperationEventCancelled;
import org.urbancooperation.contracts.events.CooperationEventHeld;
import org.urbancooperation.contracts.events.CooperationEventScheduledV2;
import org.urbancooperation.contracts.events.RegistrationConfirmed;
import org.urbancooperation.contracts.events.RegistrationWithdrawn;
import org.urbancooperation.contracts.matching.BusinessAgreementReached;
import org.urbancooperation.contracts.matching.CooperationAgreementReached;
import org.urbancooperation.contracts.matching.MatchConfirmed;
import org.urbancooperation.contracts.matching.MatchAccepted;
import org.urbancooperation.contracts.matching.MatchingEventHeld;
import org.urbancooperation.contracts.matching.MatchingEventOpened;
import org.urbancooperation.contracts.matching.MeetingHeld;
import org.urbancooperation.partnership.indicator.application.ActivityStore;
import org.urbancooperation.partnership.indicator.application.CountedThings;
import org.urbancooperation.partnership.indicator.application.IndicatorProgressGauges;
import org.urbancooperation.partnership.indicator.application.IndicatorRepository;
import org.urbancooperation.partnership.indicator.application.IndicatorService;
import org.urbancooperation.partnership.indicator.application.PartnershipActivityService;
import org.urbancooperation.partnership.indicator.application.PartnershipDirectory;
import org.urbancooperation.partnership.indicator.messaging.ActivityReportHandlers;
import org.urbancooperation.partnership.indicator.messaging.IndicatorActualHandlers;
import org.urbancooperation.partnership.indicator.persistence.MongoActivityStore;
import org.urbancooperation.partnership.indicator.persistence.MongoCountedThings;
import org.urbancooperation.partnership.indicator.persistence.MongoIndicatorRepository;
import org.urbancooperation.partnership.indicator.persistence.MongoPartnershipDirectory;
import org.urbancooperation.support.messaging.IntegrationEventHandler;
import org.urbancooperation.support.mongo.AggregateStores;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the indicator feature: indicators and targets, their actuals from other services' facts, the activity counters. */
@Configuration(proxyBeanMethods = false)
class IndicatorConfiguration {

    @Bean
    IndicatorRepository indicatorRepository(AggregateStores stores) {
        return new MongoIndicatorRepository(stores);
    }

    @Bean
    CountedThings indicatorCountedThings(MongoDatabase database) {
        return new MongoCountedThings(database);
    }

    @Bean
    PartnershipDirectory indicatorPartnershipDirectory(MongoDatabase database) {
        return new MongoPartnershipDirectory(database);
    }

    @Bean
    IndicatorService indicatorService(IndicatorRepository indicators, CountedThings things,
            PartnershipDirectory partnerships, Clock clock) {
        return new IndicatorService(indicators, things, partnerships, clock);
    }

    @Bean(destroyMethod = "close")
    IndicatorProgressGauges indicatorProgressGauges(MeterRegistry meters, IndicatorService indicators,
            @Value("${ucp.indicators.metrics-interval:30s}") Duration interval) {
        return new IndicatorProgressGauges(meters, indicators::progressByCode, interval);
    }

    // Actuals of AUTOMATIC indicators: the latest state of each reported thing.

    @Bean
    IntegrationEventHandler<CooperationEventHeld> cooperationEventHeldActuals(CountedThings things) {
        return IndicatorActualHandlers.cooperationEventHeld(things);
    }

    @Bean
    IntegrationEventHandler<CooperationEventCancelled> cooperationEventCancelledActuals(CountedThings things) {
        return IndicatorActualHandlers.cooperationEventCancelled(things);
    }

    @Bean
    IntegrationEventHandler<RegistrationConfirmed> registrationConfirmedActuals(CountedThings things) {
        return IndicatorActualHandlers.registrationConfirmed(things);
    }

    @Bean
    IntegrationEventHandler<RegistrationWithdrawn> registrationWithdrawnActuals(CountedThings things) {
        return IndicatorActualHandlers.registrationWithdrawn(things);
    }

    @Bean
    IntegrationEventHandler<MatchingEventHeld> matchingEventHeldActuals(CountedThings things) {
        return IndicatorActualHandlers.matchingEventHeld(things);
    }

    @Bean
    IntegrationEventHandler<MatchAccepted> matchAcceptedActuals(CountedThings things) {
        return IndicatorActualHandlers.matchAccepted(things);
    }

    @Bean
    IntegrationEventHandler<MatchConfirmed> matchConfirmedActuals(CountedThings things) {
        return IndicatorActualHandlers.matchConfirmed(things);
    }

    @Bean
    IntegrationEventHandler<CooperationAgreementReached> cooperationAgreementReachedActuals(CountedThings things) {
        return IndicatorActualHandlers.cooperationAgreementReached(things);
    }

    @Bean
    IntegrationEventHandler<MeetingHeld> meetingHeldActuals(CountedThings things) {
        return IndicatorActualHandlers.meetingHeld(things);
    }

    @Bean
    IntegrationEventHandler<BusinessAgreementReached> businessAgreementReachedActuals(CountedThings things) {
        return IndicatorActualHandlers.businessAgreementReached(things);
    }

    // The activity counters (scheduled and opened), unchanged in meaning.

    @Bean
    ActivityStore activityStore(MongoDatabase database) {
        return new MongoActivityStore(database);
    }

    @Bean
    PartnershipActivityService partnershipActivityService(ActivityStore store, PartnershipDirectory partnerships) {
        return new PartnershipActivityService(store, partnerships);
    }

    @Bean
    IntegrationEventHandler<CooperationEventScheduledV2> cooperationEventActivity(ActivityStore store) {
        return ActivityReportHandlers.cooperationEvents(store);
    }

    @Bean
    IntegrationEventHandler<MatchingEventOpened> matchingEventActivity(ActivityStore store) {
        return ActivityReportHandlers.matchingEvents(store);
    }
}
