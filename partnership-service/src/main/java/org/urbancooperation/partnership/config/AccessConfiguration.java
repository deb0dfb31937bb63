package org.urbancooperation.partnership.config;

import java.security.SecureRandom;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.partnership.access.application.ApiKeyRepository;
import org.urbancooperation.partnership.access.application.ApiKeyService;
import org.urbancooperation.partnership.access.domain.PlainApiKey;
import org.urbancooperation.partnership.access.persistence.MongoApiKeyRepository;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.mongo.AggregateStores;

/** Wires the API key feature, and the bootstrap operator key of a new stack. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    static final String BOOTSTRAP_PROPERTY = "ucp.access.bootstrap-operator-key";

    @Bean
    ApiKeyRepository apiKeyRepository(AggregateStores stores) {
        return new MongoApiKeyRepository(stores);
    }

    @Bean
    ApiKeyService apiKeyService(ApiKeyRepository keys, Clock clock) {
        return new ApiKeyService(keys, clock, new SecureRandom());
    }

    /**
     * With {@code UCP_BOOTSTRAP_OPERATOR_KEY} set, makes sure that operator key exists, so that a new
     * stack has a first key to issue the others with. A malformed value stops the start here, during
     * the context's refresh, before the service takes any request.
     */
    @Bean
    ApplicationRunner bootstrapOperatorKey(ApiKeyService keys, @Value("${" + BOOTSTRAP_PROPERTY + ":}") String configured) {
        PlainApiKey key = bootstrapKey(configured);
        return key == null ? args -> { } : new BootstrapOperatorKey(keys, key);
    }

    /** The configured key, or null when none is; never repeats the value in a message. */
    static PlainApiKey bootstrapKey(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        try {
            return PlainApiKey.parse("UCP_BOOTSTRAP_OPERATOR_KEY", configured.strip());
        } catch (InvalidValueException e) {
            throw new IllegalStateException("UCP_BOOTSTRAP_OPERATOR_KEY (" + BOOTSTRAP_PROPERTY + ") is malformed: "
                    + e.getMessage() + ", e.g. printf 'ucp_%s_%s\\n' \"$(openssl rand -hex 8)\" "
                    + "\"$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')\"");
        }
    }

    static final class BootstrapOperatorKey implements ApplicationRunner {

        private static final Logger log = LoggerFactory.getLogger(BootstrapOperatorKey.class);

        private final ApiKeyService keys;
        private final PlainApiKey key;

        BootstrapOperatorKey(ApiKeyService keys, PlainApiKey key) {
            this.keys = keys;
            this.key = key;
        }

        @Override
        public void run(ApplicationArguments args) {
            switch (keys.ensureBootstrapOperatorKey(key)) {
                case CREATED -> log.info("Bootstrap operator key {} created", key.keyId());
                case PRESENT -> log.info("Bootstrap operator key {} exists already", key.keyId());
                case REVOKED -> log.warn("Bootstrap operator key {} is revoked and stays revoked; "
                        + "configure another key or unset UCP_BOOTSTRAP_OPERATOR_KEY", key.keyId());
            }
        }
    }
}
