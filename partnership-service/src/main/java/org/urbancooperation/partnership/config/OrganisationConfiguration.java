package org.urbancooperation.partnership.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.partnership.organisation.application.KnownCities;
import org.urbancooperation.partnership.organisation.application.OrganisationRepository;
import org.urbancooperation.partnership.organisation.application.OrganisationService;
import org.urbancooperation.partnership.organisation.application.PartnershipMembers;
import org.urbancooperation.partnership.organisation.persistence.MongoKnownCities;
import org.urbancooperation.partnership.organisation.persistence.MongoOrganisationRepository;
import org.urbancooperation.partnership.organisation.persistence.MongoPartnershipMembers;
import org.urbancooperation.support.mongo.AggregateStores;

import com.mongodb.client.MongoDatabase;

/** Wires the organisation feature, with its own adapters onto the cities and partnerships it reads. */
@Configuration(proxyBeanMethods = false)
class OrganisationConfiguration {

    @Bean
    OrganisationRepository organisationRepository(AggregateStores stores) {
        return new MongoOrganisationRepository(stores);
    }

    @Bean
    OrganisationService organisationService(OrganisationRepository organisations, MongoDatabase database) {
        KnownCities cities = new MongoKnownCities(database);
        PartnershipMembers members = new MongoPartnershipMembers(database);
        return new OrganisationService(organisations, cities, members);
    }
}
