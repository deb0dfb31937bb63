package org.urbancooperation.partnership.config;

import java.time.Clock;
import java.time.Duration;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.partnership.partnership.application.CityDirectory;
import org.urbancooperation.partnership.partnership.application.OrganisationDirectory;
import org.urbancooperation.partnership.partnership.application.PartnershipRepository;
import org.urbancooperation.partnership.partnership.application.PartnershipService;
import org.urbancooperation.partnership.partnership.application.PartnershipStatusGauges;
import org.urbancooperation.partnership.partnership.application.ProgrammeCatalogue;
import org.urbancooperation.partnership.partnership.persistence.MongoCityDirectory;
import org.urbancooperation.partnership.partnership.persistence.MongoOrganisationDirectory;
import org.urbancooperation.partnership.partnership.persistence.MongoPartnershipRepository;
import org.urbancooperation.partnership.partnership.persistence.MongoProgrammeCatalogue;
import org.urbancooperation.partnership.shared.web.LocalizedTextSchemas;
import org.urbancooperation.support.mongo.AggregateStores;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the features' plain application classes to their adapters. */
@Configuration(proxyBeanMethods = false)
class PartnershipServiceConfiguration {

    /** The OpenAPI document names the language tags a multi-language text takes as its keys. */
    @Bean
    OpenApiCustomizer localizedTextSchemas() {
        return LocalizedTextSchemas.customizer();
    }

    @Bean
    PartnershipRepository partnershipRepository(AggregateStores stores) {
        return new MongoPartnershipRepository(stores);
    }

    @Bean
    CityDirectory partnershipCityDirectory(MongoDatabase database) {
        return new MongoCityDirectory(database);
    }

    @Bean
    OrganisationDirectory partnershipOrganisationDirectory(MongoDatabase database) {
        return new MongoOrganisationDirectory(database);
    }

    @Bean
    ProgrammeCatalogue partnershipProgrammeCatalogue(MongoDatabase database) {
        return new MongoProgrammeCatalogue(database);
    }

    @Bean(destroyMethod = "close")
    PartnershipStatusGauges partnershipStatusGauges(PartnershipRepository partnerships, MeterRegistry meters,
            @Value("${ucp.metrics.partnerships-interval:30s}") Duration interval) {
        return new PartnershipStatusGauges(partnerships, meters, interval);
    }

    @Bean
    PartnershipService partnershipService(PartnershipRepository partnerships, CityDirectory cities,
            OrganisationDirectory organisations, ProgrammeCatalogue programmes, PartnershipStatusGauges gauges) {
        return new PartnershipService(partnerships, cities, organisations, programmes, Clock.systemUTC(),
                gauges::refreshSoon);
    }
}
