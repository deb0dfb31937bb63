package org.urbancooperation.matching.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.matching.opportunity.application.KnownBusinesses;
import org.urbancooperation.matching.opportunity.application.OpportunityRepository;
import org.urbancooperation.matching.opportunity.application.OpportunityService;
import org.urbancooperation.matching.opportunity.persistence.MongoKnownBusinesses;
import org.urbancooperation.matching.opportunity.persistence.MongoOpportunityRepository;
import org.urbancooperation.support.application.RecurringSweep;
import org.urbancooperation.support.mongo.AggregateStores;

import com.mongodb.client.MongoDatabase;

/** Wires the opportunities feature and its expiry. */
@Configuration(proxyBeanMethods = false)
class OpportunityConfiguration {

    @Bean
    OpportunityRepository opportunityRepository(AggregateStores stores) {
        return new MongoOpportunityRepository(stores);
    }

    @Bean
    KnownBusinesses knownBusinesses(MongoDatabase database) {
        return new MongoKnownBusinesses(database);
    }

    @Bean
    OpportunityService opportunityService(OpportunityRepository opportunities, KnownBusinesses businesses,
            Clock clock) {
        return new OpportunityService(opportunities, businesses, clock);
    }

    /** How late an opportunity may expire after its validUntil: at most one interval. */
    @Bean(destroyMethod = "close")
    RecurringSweep opportunityExpiry(OpportunityService service,
            @Value("${ucp.matching.expiry-interval:30s}") Duration interval) {
        return new RecurringSweep("opportunity-expiry", interval, service::expireDue, "opportunities expired");
    }
}
