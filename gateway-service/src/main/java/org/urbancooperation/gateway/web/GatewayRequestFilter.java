package org.urbancooperation.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * One step of the gateway's own request handling (request timer, correlation id, security headers, path
 * guard, CORS, body limit, authentication, rate limit), with the contract of a {@code WebFilter}: handle
 * the exchange, or pass it on with {@code chain.filter(exchange)}. Beans of this type are not web filters
 * themselves: {@link GatewayRequestFilters} runs all of them, by {@link #getOrder()}, as one web filter.
 */
public interface GatewayRequestFilter extends Ordered {

    Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain);
}
