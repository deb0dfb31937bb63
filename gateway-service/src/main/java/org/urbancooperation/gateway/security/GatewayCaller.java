package org.urbancooperation.gateway.security;

import java.util.Optional;

import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling, as the gateway's authentication established it: kept as an exchange attribute so
 * later filters (rate limits, identity forwarding, metrics) read one value.
 *
 * @param subject the API key id or the person's subject
 * @param role operator, partner or business
 * @param organisationId the partner's organisation (partners only)
 * @param businessId the business (businesses only)
 * @param authentication how it was established: "api-key" or "jwt"
 */
public record GatewayCaller(String subject, String role, String organisationId, String businessId,
        String authentication) {

    public static final String ATTRIBUTE = GatewayCaller.class.getName();

    /** The bucket a caller's requests count against: one per principal. */
    public String rateLimitKey() {
        return authentication + ":" + subject;
    }

    public static Optional<GatewayCaller> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
