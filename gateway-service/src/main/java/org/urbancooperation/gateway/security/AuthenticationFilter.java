package org.urbancooperation.gateway.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.contracts.identity.IdentityTokens;
import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.gateway.ratelimit.RateLimitFilter;
import org.urbancooperation.gateway.resilience.GatewayProblems;
import org.urbancooperation.gateway.web.GatewayRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Establishes who is calling: an API key ({@code X-Api-Key} or {@code Authorization: ApiKey ...})
 * checked against the cached keys, or a bearer token of the configured identity provider, or
 * nobody. Whatever identity header or credential the client sent is never forwarded: the services
 * receive only the identity this filter signed ({@link IdentityTokens#HEADER}). A credential that
 * does not check out is a 401, never a silent downgrade to anonymous.
 */
public class AuthenticationFilter implements GatewayRequestFilter {

    /** Before the rate limiter, which counts per caller. */
    public static final int ORDER = RateLimitFilter.ORDER - 5;
    public static final String API_KEY_HEADER = "X-Api-Key";
    private static final Logger log = LoggerFactory.getLogger(AuthenticationFilter.class);

    private final ApiKeyCache apiKeys;
    private final Optional<ReactiveJwtDecoder> bearerTokens;
    private final IdentityTokens.Signer signer;
    /**
     * An ES256 signature costs far more CPU than the rest of a request's trip through the gateway,
     * so a caller's identity token is reused for a third of its lifetime: a service then still has
     * at least two thirds of it to act on the request, and the token says nothing per request.
     */
    private final Cache<CallerIdentity, String> identityTokens;
    private final GatewayProblems problems;
    private final MeterRegistry meters;
    /** By method and role (a few each): looked up per request without building the meter's id. */
    private final Map<String, Counter> authentications = new ConcurrentHashMap<>();

    public AuthenticationFilter(ApiKeyCache apiKeys, Optional<ReactiveJwtDecoder> bearerTokens,
            IdentityTokens.Signer signer, Duration identityTokenLifetime, GatewayProblems problems, MeterRegistry meters) {
        this.apiKeys = apiKeys;
        this.bearerTokens = bearerTokens;
        this.signer = signer;
        this.identityTokens = Caffeine.newBuilder().expireAfterWrite(identityTokenLifetime.dividedBy(3))
                .maximumSize(100_000).build();
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // The credentials and any identity header the client sent are never forwarded: ForwardedRequestHeaders
        // leaves them out of what a service receives, on every route.
        if (exchange.getRequest().getPath().value().startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        String apiKey = headers.getFirst(API_KEY_HEADER);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(exchange, chain, authorization.substring(7).strip());
        }
        if (authorization != null && authorization.regionMatches(true, 0, "ApiKey ", 0, 7)) {
            apiKey = authorization.substring(7).strip();
        } else if (authorization != null) {
            return refuse(exchange, "unsupported-scheme", "Use an API key or a bearer token");
        }
        if (apiKey != null) {
            ApiKeyCache.Check check = apiKeys.check(apiKey);
            if (check.caller() == null) {
                return refuse(exchange, "api-key-" + check.refusal().name().toLowerCase().replace('_', '-'),
                        "The API key is not valid");
            }
            return proceed(exchange, chain, check.caller());
        }
        return chain.filter(exchange);
    }

    private Mono<Void> bearer(ServerWebExchange exchange, WebFilterChain chain, String token) {
        if (bearerTokens.isEmpty()) {
            return refuse(exchange, "bearer-not-configured", "This gateway accepts API keys only");
        }
        return bearerTokens.get().decode(token)
                .map(this::callerOf)
                .flatMap(caller -> caller.map(c -> proceed(exchange, chain, c))
                        .orElseGet(() -> refuse(exchange, "token-without-role", "The token carries no platform role")))
                .onErrorResume(JwtException.class, e -> {
                    log.info("Refused a bearer token: {}", e.getMessage());
                    return refuse(exchange, "invalid-token", "The bearer token is not valid");
                });
    }

    private Optional<GatewayCaller> callerOf(Jwt jwt) {
        String role = jwt.getClaimAsString("ucp_role");
        if (role == null || Role.fromWireName(role).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GatewayCaller(jwt.getSubject(), role, jwt.getClaimAsString("ucp_org"),
                jwt.getClaimAsString("ucp_biz"), "jwt"));
    }

    private Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, GatewayCaller caller) {
        CallerIdentity identity;
        try {
            identity = new CallerIdentity(caller.subject(), Role.fromWireName(caller.role()).orElseThrow(),
                    caller.organisationId(), caller.businessId(), caller.authentication());
        } catch (RuntimeException e) {
            return refuse(exchange, "incomplete-identity", "The credential's identity is incomplete");
        }
        authentications.computeIfAbsent(caller.authentication() + " " + caller.role(),
                key -> meters.counter("ucp.gateway.authentications", "method", caller.authentication(), "role",
                        caller.role()))
                .increment();
        exchange.getAttributes().put(GatewayCaller.ATTRIBUTE, caller);
        exchange.getAttributes().put(ForwardedRequestHeaders.IDENTITY_TOKEN_ATTRIBUTE,
                identityTokens.get(identity, signer::sign));
        return chain.filter(exchange);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String reason, String detail) {
        meters.counter("ucp.gateway.authentication.failures", "reason", reason).increment();
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "authentication-failed", "Authentication failed",
                detail, h -> h.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ucp\", ApiKey realm=\"ucp\""));
    }
}
