package org.urbancooperation.matching.config;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.matching.matchingevent.application.MatchingEventRepository;
import org.urbancooperation.matching.matchingevent.application.MatchingEventService;
import org.urbancooperation.matching.matchingevent.application.PartnershipDirectory;
import org.urbancooperation.matching.matchingevent.persistence.MongoMatchingEventRepository;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.readmodel.KnownPartnerships;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the features' plain application classes to their adapters. */
@Configuration(proxyBeanMethods = false)
class MatchingServiceConfiguration {

    /** Our own copy of the established partnerships, fed by PartnershipEstablished (the platform subscribes it). */
    @Bean
    KnownPartnerships knownPartnerships(MongoDatabase database,
            @Value("${ucp.read-models.reference-wait:3s}") Duration referenceWait, MeterRegistry meters) {
        return new KnownPartnerships(database, referenceWait, meters);
    }

    @Bean
    PartnershipDirectory partnershipDirectory(KnownPartnerships knownPartnerships) {
        return id -> knownPartnerships.awaitFind(id).map(KnownPartnerships.KnownPartnership::partnerOrganisations);
    }

    @Bean
    MatchingEventRepository matchingEventRepository(AggregateStores stores) {
        return new MongoMatchingEventRepository(stores);
    }

    @Bean
    MatchingEventService matchingEventService(MatchingEventRepository matchingEvents,
            PartnershipDirectory partnerships) {
        return new MatchingEventService(matchingEvents, partnerships);
    }
}
