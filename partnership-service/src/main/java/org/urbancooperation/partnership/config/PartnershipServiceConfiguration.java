package org.urbancooperation.partnership.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.partnership.partnership.application.PartnershipRepository;
import org.urbancooperation.partnership.partnership.application.PartnershipService;
import org.urbancooperation.partnership.partnership.persistence.MongoPartnershipRepository;
import org.urbancooperation.support.mongo.AggregateStores;

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
}
