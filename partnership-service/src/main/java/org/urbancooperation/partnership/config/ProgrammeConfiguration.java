package org.urbancooperation.partnership.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.partnership.programme.application.ProgrammeRepository;
import org.urbancooperation.partnership.programme.application.ProgrammeService;
import org.urbancooperation.partnership.programme.persistence.MongoProgrammeRepository;
import org.urbancooperation.support.mongo.AggregateStores;

/** Wires the programme feature. */
@Configuration(proxyBeanMethods = false)
class ProgrammeConfiguration {

    @Bean
    ProgrammeRepository programmeRepository(AggregateStores stores) {
        return new MongoProgrammeRepository(stores);
    }

    @Bean
    ProgrammeService programmeService(ProgrammeRepository programmes) {
        return new ProgrammeService(programmes);
    }
}
