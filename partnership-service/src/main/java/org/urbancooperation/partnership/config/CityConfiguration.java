package org.urbancooperation.partnership.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.partnership.city.application.CityRepository;
import org.urbancooperation.partnership.city.application.CityService;
import org.urbancooperation.partnership.city.persistence.MongoCityRepository;
import org.urbancooperation.support.mongo.AggregateStores;

/** Wires the city feature. */
@Configuration(proxyBeanMethods = false)
class CityConfiguration {

    @Bean
    CityRepository cityRepository(AggregateStores stores) {
        return new MongoCityRepository(stores);
    }

    @Bean
    CityService cityService(CityRepository cities) {
        return new CityService(cities);
    }
}
