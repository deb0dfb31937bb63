package org.urbancooperation.gateway.security;

import java.time.Duration;
import java.util.List;
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
import org.urbancooperation.gateway.web.ActuatorRequests;
import org.urbancooperation.gateway.web.GatewayRequestFilter;
import org.urbancooperation.gateway.web.RequestEventLoop;

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
    private final AuthenticationThrottle throttle;
    private final ActuatorRequests actuatorRequests;
    private final Map<String, Counter> throttled = new ConcurrentHashMap<>();
    private final Map<String, Counter> deferred = new ConcurrentHashMap<>();
    private static final int KEYS_LOADING_RETRY_AFTER_SECONDS = 2;
    private static final int IDENTITY_PROVIDER_RETRY_AFTER_SECONDS = 5;

    public AuthenticationFilter(ApiKeyCache apiKeys, Optional<ReactiveJwtDecoder> bearerTokens,
            IdentityTokens.Signer signer, Duration identityTokenLifetime, GatewayProblems problems, MeterRegistry meters,
            AuthenticationThrottle throttle, ActuatorRequests actuatorRequests) {
        this.apiKeys = apiKeys;
        this.actuatorRequests = actuatorRequests;
        this.throttle = throttle;
        this.bearerTokens = bearerTokens;
        this.signer = signer;
        this.identityTokens = Caffeine.newBuilder().expireAfterWrite(identityTokenLifetime.dividedBy(3))
                .maximumSize(100_000).build();
        this.problems = problems;
        this.meters = meters;
        // Registered up front, so that the series exist (at 0) before the first refusal.
        deferredCounter("api-keys-loading");
        deferredCounter("identity-provider-unavailable");
        throttledCounter("address");
        throttledCounter("api-key");
        for (String reason : List.of("api-key-unknown", "api-key-wrong-secret", "api-key-expired", "api-key-malformed",
                "invalid-token", "token-without-role", "unsupported-scheme", "bearer-not-configured",
                "incomplete-identity")) {
            failureCounter(reason);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // The credentials and any identity header the client sent are never forwarded: ForwardedRequestHeaders
        // leaves them out of what a service receives, on every route.
        if (actuatorRequests.isActuator(exchange)) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        String apiKey = headers.getFirst(API_KEY_HEADER);
        if (authorization == null && apiKey == null) {
            return chain.filter(exchange);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "ApiKey ", 0, 7)) {
            apiKey = authorization.substring(7).strip();
        }
        boolean isApiKey = authorization == null || authorization.regionMatches(true, 0, "ApiKey ", 0, 7);
        String keyId = isApiKey ? ApiKeys.parse(apiKey).map(ApiKeys.PresentedKey::keyId).orElse(null) : null;
        String presentedKey = apiKey;
        // A throttled client's credential is not checked at all: the answer is 429 whether it is right or not.
        return RequestEventLoop.resumeOn(exchange, throttle.check(exchange, keyId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty()))
                .flatMap(blocked -> blocked.isPresent() ? throttled(exchange, blocked.get())
                        : authenticate(exchange, chain, authorization, presentedKey, keyId));
    }

    private Mono<Void> authenticate(ServerWebExchange exchange, WebFilterChain chain, String authorization,
            String apiKey, String keyId) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(exchange, chain, authorization.substring(7).strip());
        }
        if (authorization != null && !authorization.regionMatches(true, 0, "ApiKey ", 0, 7)) {
            return refuse(exchange, null, "unsupported-scheme", "Use an API key or a bearer token");
        }
        ApiKeyCache.Check check = apiKeys.check(apiKey);
        if (check.refusal() != ApiKeyCache.Refusal.MALFORMED && !apiKeys.loaded()) {
            return keysStillLoading(exchange);
        }
        if (check.caller() == null) {
            return refuse(exchange, keyId, "api-key-" + check.refusal().name().toLowerCase().replace('_', '-'),
                    "The API key is not valid");
        }
        return proceed(exchange, chain, check.caller());
    }

    /**
     * A gateway that has just started and not yet read the API keys back from Kafka can neither accept nor refuse
     * a well-formed key: a 401 would tell a valid caller its key is bad (and count against it in the throttle).
     * A 503 with Retry-After says what is true: ask again in a moment. Readiness keeps such a replica out of a
     * load balancer's rotation; this covers the single local gateway, and a probe that has not yet noticed.
     */
    private Mono<Void> keysStillLoading(ServerWebExchange exchange) {
        return deferred(exchange, "api-keys-loading",
                "This gateway is still loading the API keys; retry after " + KEYS_LOADING_RETRY_AFTER_SECONDS + " s",
                KEYS_LOADING_RETRY_AFTER_SECONDS);
    }

    /** A credential that cannot be judged now: 503 with Retry-After, neither a 401 nor a failed attempt. */
    private Mono<Void> deferred(ServerWebExchange exchange, String reason, String detail, int retryAfterSeconds) {
        deferredCounter(reason).increment();
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(), detail,
                h -> h.set(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds)));
    }

    private Counter deferredCounter(String reason) {
        return deferred.computeIfAbsent(reason, r -> Counter.builder("ucp.gateway.authentication.deferred")
                .description("Requests whose credential could not be checked yet (keys still loading, identity provider "
                        + "unreachable), answered 503, by reason")
                .tag("reason", r).register(meters));
    }

    /**
     * The key set could not be fetched (refused, timed out, reset, an HTTP error of the provider): nothing is known
     * about the token, so it must not be refused as invalid.
     */
    static boolean identityProviderUnreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.web.reactive.function.client.WebClientException
                    || t instanceof java.io.IOException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.netty.handler.timeout.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private Mono<Void> throttled(ServerWebExchange exchange, AuthenticationThrottle.Blocked blocked) {
        throttledCounter(blocked.scope()).increment();
        long retryAfter = Math.max(1, (blocked.retryAfter().toMillis() + 999) / 1000);
        String whose = "api-key".equals(blocked.scope()) ? "for this API key" : "from this client";
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase(),
                "Too many failed authentication attempts " + whose + "; no credential is checked until then. "
                        + "Retry after " + retryAfter + " s",
                h -> h.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)));
    }

    private Mono<Void> bearer(ServerWebExchange exchange, WebFilterChain chain, String token) {
        if (bearerTokens.isEmpty()) {
            return refuse(exchange, null, "bearer-not-configured", "This gateway accepts API keys only");
        }
        // The key set may be fetched: resume on the request's loop (web.RequestEventLoop says why).
        return RequestEventLoop.resumeOn(exchange, bearerTokens.get().decode(token))
                .map(this::callerOf)
                .flatMap(caller -> caller.map(c -> proceed(exchange, chain, c))
                        .orElseGet(() -> refuse(exchange, null, "token-without-role", "The token carries no platform role")))
                .onErrorResume(e -> {
                    if (identityProviderUnreachable(e)) {
                        log.warn("Could not check a bearer token: the identity provider's key set is unreachable: {}",
                                e.toString());
                        return deferred(exchange, "identity-provider-unavailable",
                                "The identity provider cannot be reached to check the token; retry after "
                                        + IDENTITY_PROVIDER_RETRY_AFTER_SECONDS + " s",
                                IDENTITY_PROVIDER_RETRY_AFTER_SECONDS);
                    }
                    if (e instanceof JwtException) {
                        log.info("Refused a bearer token: {}", e.getMessage());
                        return refuse(exchange, null, "invalid-token", "The bearer token is not valid");
                    }
                    return Mono.error(e);
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
            return refuse(exchange, null, "incomplete-identity", "The credential's identity is incomplete");
        }
        authentications.computeIfAbsent(caller.authentication() + " " + caller.role(),
                key -> Counter.builder("ucp.gateway.authentications")
                        .description("Requests whose credential checked out, by method (api-key, jwt) and role")
                        .tag("method", caller.authentication()).tag("role", caller.role()).register(meters))
                .increment();
        exchange.getAttributes().put(GatewayCaller.ATTRIBUTE, caller);
        exchange.getAttributes().put(ForwardedRequestHeaders.IDENTITY_TOKEN_ATTRIBUTE,
                identityTokens.get(identity, signer::sign));
        return chain.filter(exchange);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String keyId, String reason, String detail) {
        failureCounter(reason).increment();
        return RequestEventLoop.resumeOn(exchange, throttle.failed(exchange, keyId)).then(Mono.defer(() -> problems.write(exchange, HttpStatus.UNAUTHORIZED, "authentication-failed", "Authentication failed",
                detail, h -> h.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ucp\", ApiKey realm=\"ucp\""))));
    }

    private Counter failureCounter(String reason) {
        return Counter.builder("ucp.gateway.authentication.failures")
                .description("Requests refused with 401 because their credential did not check out, by reason")
                .tag("reason", reason).register(meters);
    }

    private Counter throttledCounter(String scope) {
        return throttled.computeIfAbsent(scope, s -> Counter.builder("ucp.gateway.authentication.throttled")
                .description("Requests refused with 429 after too many failed authentication attempts, by scope "
                        + "(address: the client address, api-key: the key id)")
                .tag("scope", s).register(meters));
    }
}
