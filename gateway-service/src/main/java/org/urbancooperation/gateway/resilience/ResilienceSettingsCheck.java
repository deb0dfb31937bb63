package org.urbancooperation.gateway.resilience;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

/**
 * Warns at start-up when the circuit breakers' time limiter would cut requests that the route's own
 * timeouts still allow. The breaker wraps the retries, so its limit must cover every attempt:
 * {@code (retries + 1) x response-timeout} plus the backoff. Otherwise clients get a 504 from the
 * time limiter where the route would have answered, and the breaker counts a failure for it.
 */
@Component
class ResilienceSettingsCheck {

    private static final Logger log = LoggerFactory.getLogger(ResilienceSettingsCheck.class);

    /** The Retry filter's {@code retries} on the service routes (application.yml). */
    static final int ATTEMPTS = 3;

    private final Environment environment;
    private final ObjectProvider<TimeLimiterRegistry> timeLimiters;

    ResilienceSettingsCheck(Environment environment, ObjectProvider<TimeLimiterRegistry> timeLimiters) {
        this.environment = environment;
        this.timeLimiters = timeLimiters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        Duration responseTimeout = environment.getProperty(
                "spring.cloud.gateway.server.webflux.httpclient.response-timeout", Duration.class);
        TimeLimiterRegistry registry = timeLimiters.getIfAvailable();
        if (responseTimeout == null || registry == null) {
            return;
        }
        Duration limit = registry.getDefaultConfig().getTimeoutDuration();
        Duration needed = responseTimeout.multipliedBy(ATTEMPTS);
        if (limit.compareTo(needed) < 0) {
            log.warn("The circuit breakers' time limit ({}) is shorter than {} attempts of the response timeout ({}): "
                    + "set GATEWAY_CIRCUIT_BREAKER_TIMEOUT to at least {}", limit, ATTEMPTS, responseTimeout, needed);
        }
    }
}
