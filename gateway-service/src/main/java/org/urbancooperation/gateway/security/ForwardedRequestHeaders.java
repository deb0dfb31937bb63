package org.urbancooperation.gateway.security;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.urbancooperation.contracts.identity.IdentityTokens;
import org.urbancooperation.gateway.web.CorrelationIds;

/**
 * What a service receives besides the client's own headers, applied by the gateway's routing filter to
 * every request it sends to a service (every route, every retry):
 * <ul>
 * <li>no credential ({@code Authorization}, {@code X-Api-Key}) and no identity header the client sent
 * ({@code X-Ucp-Identity}): those stay at the gateway;</li>
 * <li>the identity token {@link AuthenticationFilter} signed for this request, if it authenticated a
 * caller;</li>
 * <li>the request's correlation id ({@code X-Correlation-Id}, replacing whatever the client sent).</li>
 * </ul>
 * Done here, on the header copy the routing filter makes anyway, rather than by mutating the request
 * in each web filter: every mutation copies all headers and wraps the exchange once more.
 */
public class ForwardedRequestHeaders implements HttpHeadersFilter, Ordered {

    /** The exchange attribute holding the signed identity token of the request's caller. */
    public static final String IDENTITY_TOKEN_ATTRIBUTE = ForwardedRequestHeaders.class.getName() + ".identityToken";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        // A copy: the input may be the request's read-only headers or another filter's result. copyOf rather than
        // forEach: HttpHeaders.forEach first builds a case-insensitive set of all names, per request.
        HttpHeaders forwarded = HttpHeaders.copyOf(input);
        // Case-insensitive: every spelling of each name goes.
        forwarded.remove(HttpHeaders.AUTHORIZATION);
        forwarded.remove(AuthenticationFilter.API_KEY_HEADER);
        forwarded.remove(IdentityTokens.HEADER);
        String identityToken = exchange.getAttribute(IDENTITY_TOKEN_ATTRIBUTE);
        if (identityToken != null) {
            forwarded.set(IdentityTokens.HEADER, identityToken);
        }
        String correlationId = CorrelationIds.of(exchange);
        if (correlationId != null) {
            forwarded.set(CorrelationIds.HTTP_HEADER, correlationId);
        }
        return forwarded;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    /** Last, after the gateway's own header filters, so that nothing can add a credential back. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
