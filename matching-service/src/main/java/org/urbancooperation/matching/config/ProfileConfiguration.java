package org.urbancooperation.matching.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.matching.profile.application.BusinessProfileRepository;
import org.urbancooperation.matching.profile.application.BusinessProfileService;
import org.urbancooperation.matching.profile.application.MatchPartners;
import org.urbancooperation.matching.profile.persistence.MongoBusinessProfileRepository;
import org.urbancooperation.support.mongo.AggregateStores;

/** Wires the business profiles feature. */
@Configuration(proxyBeanMethods = false)
class ProfileConfiguration {

    @Bean
    BusinessProfileRepository businessProfileRepository(AggregateStores stores) {
        return new MongoBusinessProfileRepository(stores);
    }

    @Bean
    BusinessProfileService businessProfileService(BusinessProfileRepository profiles, MatchPartners partners) {
        return new BusinessProfileService(profiles, partners);
    }
}
