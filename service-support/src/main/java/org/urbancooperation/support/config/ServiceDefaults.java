package org.urbancooperation.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code service-defaults.properties} as the lowest-priority property source of every service:
 * the settings all services share (actuator, Kafka reliability, Mongo UUIDs, environment variable
 * names) live once, and a service's own application.yml or the environment override them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("urbanCooperationServiceDefaults", new ClassPathResource(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
