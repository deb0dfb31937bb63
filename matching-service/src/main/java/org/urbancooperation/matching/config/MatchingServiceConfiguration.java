package org.urbancooperation.matching.config;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.contracts.events.CooperationEventPublished;
import org.urbancooperation.contracts.events.CooperationEventScheduled;
import org.urbancooperation.matching.matchingevent.application.MatchingEventRepository;
import org.urbancooperation.matching.matchingevent.application.MatchingEventService;
import org.urbancooperation.matching.matchingevent.application.ParticipantRepository;
import org.urbancooperation.matching.matchingevent.application.ParticipantService;
import org.urbancooperation.matching.matchingevent.messaging.KnownCooperationEventsHandlers;
import org.urbancooperation.matching.matchingevent.messaging.KnownPartnershipsHandler;
import org.urbancooperation.matching.matchingevent.persistence.KnownCooperationEvents;
import org.urbancooperation.matching.matchingevent.persistence.KnownPartnerships;
import org.urbancooperation.matching.matchingevent.persistence.MongoMatchingEventRepository;
import org.urbancooperation.matching.matchingevent.persistence.MongoParticipantDirectory;
import org.urbancooperation.matching.matchingevent.persistence.MongoParticipantRepository;
import org.urbancooperation.support.messaging.IntegrationEventHandler;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.readmodel.AwaitedReferences;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the features' plain application classes to their adapters. */
@Configuration(proxyBeanMethods = false)
class MatchingServiceConfiguration {

    /** This service's copy of the established partnerships, which matching events refer to. */
    @Bean
    KnownPartnerships knownPartnerships(MongoDatabase database,
            @Value("${ucp.read-models.reference-wait:3s}") Duration referenceWait, MeterRegistry meters) {
        return new KnownPartnerships(database,
                new AwaitedReferences(KnownPartnerships.REFERENCE, referenceWait, meters));
    }

    /** The consumer of PartnershipEstablished: the platform subscribes every IntegrationEventHandler bean. */
    @Bean
    KnownPartnershipsHandler knownPartnershipsHandler(KnownPartnerships knownPartnerships) {
        return new KnownPartnershipsHandler(knownPartnerships);
    }

    @Bean
    MatchingEventRepository matchingEventRepository(AggregateStores stores) {
        return new MongoMatchingEventRepository(stores);
    }

    /** This service's copy of event-service's cooperation events, which a matching event may be held at. */
    @Bean
    KnownCooperationEvents knownCooperationEvents(MongoDatabase database,
            @Value("${ucp.read-models.reference-wait:3s}") Duration referenceWait, MeterRegistry meters) {
        return new KnownCooperationEvents(database,
                new AwaitedReferences(KnownCooperationEvents.REFERENCE, referenceWait, meters));
    }

    @Bean
    IntegrationEventHandler<CooperationEventPublished> knownCooperationEventsPublished(KnownCooperationEvents events) {
        return KnownCooperationEventsHandlers.published(events);
    }

    @Bean
    IntegrationEventHandler<CooperationEventScheduled> knownCooperationEventsScheduled(KnownCooperationEvents events) {
        return KnownCooperationEventsHandlers.scheduled(events);
    }

    @Bean
    MatchingEventService matchingEventService(MatchingEventRepository matchingEvents,
            KnownPartnerships partnerships, KnownCooperationEvents cooperationEvents) {
        return new MatchingEventService(matchingEvents, partnerships, cooperationEvents);
    }

    @Bean
    ParticipantRepository participantRepository(AggregateStores stores) {
        return new MongoParticipantRepository(stores);
    }

    @Bean
    ParticipantService participantService(ParticipantRepository participants, MatchingEventRepository matchingEvents,
            KnownPartnerships partnerships, MongoDatabase database) {
        return new ParticipantService(participants, matchingEvents, partnerships,
                new MongoParticipantDirectory(database));
    }
}
