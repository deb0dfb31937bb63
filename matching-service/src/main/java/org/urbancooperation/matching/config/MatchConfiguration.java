package org.urbancooperation.matching.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.contracts.matching.OpportunityExpired;
import org.urbancooperation.contracts.matching.OpportunityWithdrawn;
import org.urbancooperation.matching.match.application.MatchDirectory;
import org.urbancooperation.matching.match.application.MatchGauges;
import org.urbancooperation.matching.match.application.MatchRepository;
import org.urbancooperation.matching.match.application.MatchService;
import org.urbancooperation.matching.match.application.MatchedOpportunities;
import org.urbancooperation.matching.match.messaging.LapsedMatchesHandlers;
import org.urbancooperation.matching.match.persistence.MatchPartnersFromMatches;
import org.urbancooperation.matching.match.persistence.MongoMatchDirectory;
import org.urbancooperation.matching.match.persistence.MongoMatchRepository;
import org.urbancooperation.matching.match.persistence.MongoMatchedOpportunities;
import org.urbancooperation.matching.profile.application.MatchPartners;
import org.urbancooperation.support.application.RecurringSweep;
import org.urbancooperation.support.messaging.IntegrationEventHandler;
import org.urbancooperation.support.mongo.AggregateStores;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the match lifecycle, its expiry, its gauges, and the contact reveal it decides for profiles. */
@Configuration(proxyBeanMethods = false)
class MatchConfiguration {

    @Bean
    MatchRepository matchRepository(AggregateStores stores) {
        return new MongoMatchRepository(stores);
    }

    /** Profiles show a business's contacts to another only when the two have a CONFIRMED match. */
    @Bean
    MatchPartners matchPartners(MatchRepository matches) {
        return new MatchPartnersFromMatches(matches);
    }

    @Bean(destroyMethod = "close")
    MatchGauges matchGauges(MatchRepository matches, MeterRegistry meters,
            @Value("${ucp.metrics.matches-interval:30s}") Duration interval) {
        return new MatchGauges(matches, meters, interval);
    }

    @Bean
    MatchService matchService(MatchRepository matches, MongoDatabase database, MatchGauges gauges, Clock clock,
            @Value("${ucp.matching.match-expiry:14d}") Duration expiry,
            @Value("${ucp.matching.pending-interest-cap:20}") int pendingInterestCap) {
        MatchedOpportunities opportunities = new MongoMatchedOpportunities(database);
        MatchDirectory directory = new MongoMatchDirectory(database);
        return new MatchService(matches, opportunities, directory, gauges, clock, expiry, pendingInterestCap);
    }

    /** How late a match may expire after its expiresAt: at most one interval. */
    @Bean
    IntegrationEventHandler<OpportunityWithdrawn> lapsedMatchesOnWithdrawal(MatchService matches) {
        return LapsedMatchesHandlers.onWithdrawn(matches);
    }

    @Bean
    IntegrationEventHandler<OpportunityExpired> lapsedMatchesOnExpiry(MatchService matches) {
        return LapsedMatchesHandlers.onExpired(matches);
    }

    @Bean(destroyMethod = "close")
    RecurringSweep matchExpiry(MatchService service, @Value("${ucp.matching.expiry-interval:30s}") Duration interval) {
        return new RecurringSweep("match-expiry", interval, service::expireDue, "matches expired");
    }
}
