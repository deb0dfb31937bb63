package org.urbancooperation.gateway.resilience;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The response timeout of every route ({@code ucp.gateway.response-timeout}, {@code GATEWAY_RESPONSE_TIMEOUT}):
 * the longest a service may stay silent, before its response headers and between the reads of its body.
 * The client gets 504 problem+json ({@code web.ProblemJsonExceptionHandler}), the circuit breaker counts a
 * failure, and the request is not retried.
 *
 * <p>Set on the gateway's HTTP client (Reactor Netty's read timeout in the connection's own event loop)
 * rather than as Spring Cloud Gateway's {@code httpclient.response-timeout}, which puts a timer on the shared
 * parallel scheduler for every request. A route may still set its own {@code response-timeout} metadata.
 */
@Configuration(proxyBeanMethods = false)
class ResponseTimeout {

    @Bean
    HttpClientCustomizer responseTimeoutCustomizer(@Value("${ucp.gateway.response-timeout:10s}") Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("ucp.gateway.response-timeout (GATEWAY_RESPONSE_TIMEOUT) must be positive, "
                    + "got " + timeout);
        }
        return httpClient -> httpClient.responseTimeout(timeout);
    }
}
