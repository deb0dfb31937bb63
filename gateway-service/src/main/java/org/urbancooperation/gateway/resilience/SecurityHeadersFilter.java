package org.urbancooperation.gateway.resilience;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.urbancooperation.gateway.web.GatewayRequestFilter;

import reactor.core.publisher.Mono;

/**
 * Puts the platform's security headers on every response: proxied ones, the gateway's own errors,
 * actuator responses. They are written just before the response is committed, so they win over
 * headers copied from a service and are present on responses written by the error handler.
 *
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY},
 * {@code Referrer-Policy: no-referrer}: always.</li>
 * <li>{@code Strict-Transport-Security}: on HTTPS requests (or always with {@code force-hsts}).</li>
 * <li>{@code Content-Security-Policy} (strict) and {@code Cache-Control: no-store} (unless the service
 * chose a Cache-Control itself): on everything except the static UI paths (Swagger UI), whose pages
 * need scripts and styles and may be cached.</li>
 * </ul>
 */
@Component
@EnableConfigurationProperties(SecurityHeadersProperties.class)
public class SecurityHeadersFilter implements GatewayRequestFilter {

    /**
     * Same precedence as the correlation id filter, ahead of the path guard: even a rejected path gets
     * the headers. Both only register before-commit actions, so their relative order does not matter.
     */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private final SecurityHeadersProperties properties;
    private final List<PathPattern> staticUiPaths;
    private final String hsts;

    public SecurityHeadersFilter(SecurityHeadersProperties properties) {
        this.properties = properties;
        this.staticUiPaths = properties.staticUiPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.hsts = "max-age=" + properties.hstsMaxAge().toSeconds() + "; includeSubDomains";
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        exchange.getAttributes().putIfAbsent(GatewayProblems.ORIGINAL_PATH_ATTRIBUTE, request.getURI().getRawPath());
        boolean staticUi = isStaticUi(request);
        boolean https = request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme());

        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            if (https || properties.forceHsts()) {
                headers.set("Strict-Transport-Security", hsts);
            }
            if (!staticUi) {
                headers.set("Content-Security-Policy", properties.contentSecurityPolicy());
                if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                    headers.setCacheControl("no-store");
                }
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private boolean isStaticUi(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        for (PathPattern pattern : staticUiPaths) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
