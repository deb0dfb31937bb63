package org.urbancooperation.gateway.security;

import java.time.Duration;

import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Limits failed authentication attempts, per client address and per API key id. The filter asks it before
 * checking a credential and tells it about each failure: while a limit is used up, no credential of that
 * client (or for that key id) is checked at all, so a throttled client learns nothing about whether a secret
 * is right.
 */
public interface AuthenticationThrottle {

    /** No limit (the throttle switched off). */
    AuthenticationThrottle NONE = new AuthenticationThrottle() {
        @Override
        public Mono<Blocked> check(ServerWebExchange exchange, String apiKeyId) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> failed(ServerWebExchange exchange, String apiKeyId) {
            return Mono.empty();
        }
    };

    /**
     * Empty if the attempt may be checked; otherwise which limit is used up and for how long.
     *
     * @param apiKeyId the key id of a well-formed API key, or null (bearer token, malformed key)
     */
    Mono<Blocked> check(ServerWebExchange exchange, String apiKeyId);

    /** Counts a failed attempt against the client's address and, if given, the key id. */
    Mono<Void> failed(ServerWebExchange exchange, String apiKeyId);

    /**
     * @param scope {@code address} or {@code api-key}: also the metric's tag
     * @param retryAfter until the next attempt will be checked
     */
    record Blocked(String scope, Duration retryAfter) {
    }
}
