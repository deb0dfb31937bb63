package org.urbancooperation.gateway.resilience;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.urbancooperation.gateway.web.GatewayRequestFilter;

import reactor.core.publisher.Mono;

/**
 * CORS for the whole gateway, answered before authentication and rate limiting (a browser's preflight
 * carries no credentials):
 * <ul>
 * <li>preflight from an allowed origin, for an allowed method and headers: 200 with the
 * Access-Control-* headers, never forwarded;</li>
 * <li>preflight from any other origin, or asking for another method or header: 403 problem+json;</li>
 * <li>actual cross-origin request from an allowed origin: forwarded, the answer gets
 * Access-Control-Allow-Origin and the exposed headers;</li>
 * <li>actual request from another origin: forwarded without CORS headers, so the browser keeps the
 * answer from the page. It is not refused: a same-origin page behind a TLS-terminating proxy (Swagger
 * UI) sends an Origin that the gateway cannot tell from a foreign one.</li>
 * </ul>
 * Requests without Origin (servers, curl) are not concerned. A CorsWebFilter of our own rather than
 * {@code globalcors}: the gateway's handler mapping runs after every web filter, so preflights would
 * meet authentication and the rate limiter first.
 */
@Component
@EnableConfigurationProperties(CorsProperties.class)
public class GatewayCorsFilter implements GatewayRequestFilter {

    /** After the path guard, before the body limit, authentication and rate limiting. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    private final CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final GatewayProblems problems;

    public GatewayCorsFilter(CorsProperties properties, GatewayProblems problems) {
        this.problems = problems;
        CorsConfiguration config = new CorsConfiguration();
        List<String> origins = properties.allowedOrigins().stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        config.setAllowedOriginPatterns(origins);
        config.setAllowedMethods(properties.allowedMethods());
        config.setAllowedHeaders(properties.allowedHeaders());
        config.setExposedHeaders(properties.exposedHeaders());
        config.setAllowCredentials(false);
        config.setMaxAge(properties.maxAge());
        this.configuration = config;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        boolean preFlight = CorsUtils.isPreFlightRequest(exchange.getRequest());
        String origin = exchange.getRequest().getHeaders().getOrigin();
        if (configuration.checkOrigin(origin) == null) {
            return preFlight ? refuse(exchange, "This origin may not call the API from a browser") : chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            // Allowed origin, but a method or header outside the configuration.
            return refuse(exchange, "The method or headers of this cross-origin request are not allowed");
        }
        return preFlight ? Mono.empty() : chain.filter(exchange);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String detail) {
        return problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail,
                GatewayProblems.HttpHeaderSetter.NONE);
    }
}
