package org.urbancooperation.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id: the client's when well-formed, otherwise a new one. The id is
 * forwarded to the service and returned to the client.
 *
 * <p>A WebFilter rather than a gateway GlobalFilter: global filters only run for requests that matched
 * a route, but unrouted requests (404) and the gateway's own error responses need the id as well.
 */
@Component
public class CorrelationIdFilter implements GatewayRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CorrelationIdFilter.class);

    @Override
    public int getOrder() {
        // First, so that every later filter, the route and the error handler see the same id.
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String received = exchange.getRequest().getHeaders().getFirst(CorrelationIds.HTTP_HEADER);
        String correlationId = CorrelationIds.acceptOrCreate(received);
        if (received != null && !received.equals(correlationId)) {
            try (CorrelationIds.MdcScope ignored = CorrelationIds.inMdc(correlationId)) {
                // The rejected value itself is not logged: it is client input of any shape.
                log.debug("Replaced a malformed {} header", CorrelationIds.HTTP_HEADER);
            }
        }

        // Forwarded to the service by security.ForwardedRequestHeaders, which replaces what the client sent.
        exchange.getAttributes().put(CorrelationIds.EXCHANGE_ATTRIBUTE, correlationId);

        // Set just before the response is committed, so that it wins over a header copied from the
        // service's response and is present on error responses written by the exception handler.
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            response.getHeaders().set(CorrelationIds.HTTP_HEADER, correlationId);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
