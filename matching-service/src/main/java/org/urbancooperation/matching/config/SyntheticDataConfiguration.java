package org.urbancooperation.matching.config;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.matching.opportunity.application.OpportunityRepository;
import org.urbancooperation.matching.profile.application.BusinessProfileRepository;
import org.urbancooperation.matching.synthetic.persistence.SyntheticDataLoader;

/**
 * The demo command for a larger matching: {@code ucp.demo.synthetic-opportunities=10000} (and optionally
 * {@code ucp.demo.synthetic-seed}) loads that many synthetic opportunities and their businesses once the service has
 * started. Off unless the property is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("ucp.demo.synthetic-opportunities")
class SyntheticDataConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SyntheticDataConfiguration.class);

    @Bean
    ApplicationRunner syntheticDataRunner(BusinessProfileRepository profiles, OpportunityRepository opportunities,
            Clock clock, @Value("${ucp.demo.synthetic-opportunities}") int count,
            @Value("${ucp.demo.synthetic-seed:13}") long seed) {
        return args -> {
            int published = new SyntheticDataLoader(profiles, opportunities, clock).load(seed, count);
            log.info("Synthetic demo data (seed {}): {} of {} opportunities published now, the rest were there",
                    seed, published, count);
        };
    }
}
