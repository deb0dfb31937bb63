package org.urbancooperation.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local and demo OpenID Connect provider: Spring Authorization Server with in-memory demo
 * users for each role of the platform. Production points the gateway at the organisations' own
 * identity provider instead (see README.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityProviderApplication.class, args);
    }
}
