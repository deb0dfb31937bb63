package org.urbancooperation.events.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.contracts.events.CooperationEventCancelled;
import org.urbancooperation.contracts.events.CooperationEventPostponed;
import org.urbancooperation.events.cooperationevent.application.CooperationEventRepository;
import org.urbancooperation.events.cooperationevent.application.CooperationEventService;
import org.urbancooperation.events.registration.application.RegistrationRepository;
import org.urbancooperation.events.registration.application.RegistrationService;
import org.urbancooperation.events.registration.messaging.EventChangeHandlers;
import org.urbancooperation.events.registration.metrics.RegistrationGauges;
import org.urbancooperation.events.registration.persistence.CooperationEventDirectory;
import org.urbancooperation.events.registration.persistence.MongoRegistrationRepository;
import org.urbancooperation.support.messaging.IntegrationEventHandler;
import org.urbancooperation.support.mongo.AggregateStores;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires registration (issue 12) to its adapters. */
@Configuration(proxyBeanMethods = false)
class RegistrationConfiguration {

    @Bean
    RegistrationRepository registrationRepository(AggregateStores stores) {
        return new MongoRegistrationRepository(stores);
    }

    @Bean
    RegistrationService registrationService(RegistrationRepository registrations,
            CooperationEventRepository cooperationEvents, CooperationEventService cooperationEventService, Clock clock,
            MeterRegistry meters) {
        return new RegistrationService(registrations,
                new CooperationEventDirectory(cooperationEventService, cooperationEvents), clock, meters);
    }

    @Bean
    IntegrationEventHandler<CooperationEventCancelled> registrantsOfCancelledEvents(RegistrationService registrations) {
        return EventChangeHandlers.cancelled(registrations);
    }

    @Bean
    IntegrationEventHandler<CooperationEventPostponed> registrantsOfPostponedEvents(RegistrationService registrations) {
        return EventChangeHandlers.postponed(registrations);
    }

    @Bean
    RegistrationGauges registrationGauges(RegistrationRepository registrations, RegistrationService service,
            MeterRegistry meters, @Value("${ucp.registrations.gauge-interval:30s}") Duration interval) {
        return new RegistrationGauges(registrations, service::waitingWithFreePlace, meters, interval);
    }
}
