package org.urbancooperation.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;
import org.urbancooperation.gateway.security.GatewayCaller;

/**
 * Picks the bucket: the authenticated caller's ({@link GatewayCaller#rateLimitKey()}, limit of its role)
 * or, for anonymous requests, the client address's. The address is the TCP peer's: X-Forwarded-For is
 * client input and is read only with {@code trust-forwarded-for}, and then only the entry written by the
 * trusted proxy ({@code trusted-proxies} from the right), never the client-supplied ones to its left.
 */
final class RateLimitSubjects {

    /** An IPv4 or IPv6 literal, roughly: anything else in X-Forwarded-For is ignored. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Map<String, RateLimitProperties.Limit> limits;
    private final boolean trustForwardedFor;
    private final int trustedProxies;

    RateLimitSubjects(RateLimitProperties properties) {
        this.limits = properties.limits();
        this.trustForwardedFor = properties.trustForwardedFor();
        this.trustedProxies = properties.trustedProxies();
    }

    RateLimitSubject of(ServerWebExchange exchange) {
        Optional<GatewayCaller> caller = GatewayCaller.of(exchange);
        if (caller.isPresent()) {
            String role = caller.get().role() == null ? "" : caller.get().role().toLowerCase(Locale.ROOT);
            RateLimitProperties.Limit limit = limits.get(role);
            if (limit == null || role.equals(RateLimitProperties.ANONYMOUS)) {
                // A role without a limit of its own gets the anonymous one, on the caller's own bucket.
                return new RateLimitSubject(caller.get().rateLimitKey(), RateLimitProperties.ANONYMOUS,
                        limits.get(RateLimitProperties.ANONYMOUS));
            }
            return new RateLimitSubject(caller.get().rateLimitKey(), role, limit);
        }
        return new RateLimitSubject("ip:" + clientAddress(exchange), RateLimitProperties.ANONYMOUS,
                limits.get(RateLimitProperties.ANONYMOUS));
    }

    String clientAddress(ServerWebExchange exchange) {
        if (trustForwardedFor) {
            String forwarded = forwardedClient(exchange.getRequest().getHeaders().getValuesAsList("X-Forwarded-For"));
            if (forwarded != null) {
                return forwarded;
            }
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private String forwardedClient(List<String> entries) {
        // getValuesAsList splits comma-separated values; repeated headers are concatenated in order.
        if (entries.isEmpty()) {
            return null;
        }
        String candidate = entries.get(Math.max(0, entries.size() - trustedProxies)).trim();
        if (candidate.startsWith("[") && candidate.contains("]")) {
            candidate = candidate.substring(1, candidate.indexOf(']'));
        }
        return ADDRESS.matcher(candidate).matches() ? candidate : null;
    }
}
