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

    /**
     * Nobody is a confirmed match partner yet: the match lifecycle (accepted by both) does not exist in this
     * service so far, and until it does no contact is revealed to another business.
     */
    @Bean
    MatchPartners matchPartners() {
        return (business, other) -> false;
    }

    @Bean
    BusinessProfileService businessProfileService(BusinessProfileRepository profiles, MatchPartners partners) {
        return new BusinessProfileService(profiles, partners);
    }
}
