package org.urbancooperation.gateway.web;

import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Rejects paths that a service would resolve differently from the gateway. Routes match the path as
 * sent and forward it unchanged, but the services' servlet container removes dot segments:
 * {@code /api/v1/partnerships/../../actuator/env} matches the partnership route and then reaches the
 * service's {@code /actuator/env}. Encoded slashes and backslashes are refused for the same reason.
 */
@Component
public class PathTraversalGuardFilter implements GatewayRequestFilter {

    @Override
    public int getOrder() {
        // Right after the correlation id filter, so that the rejection carries the id.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isAmbiguous(exchange)) {
            return Mono.error(new RejectedPathException());
        }
        return chain.filter(exchange);
    }

    private static boolean isAmbiguous(ServerWebExchange exchange) {
        String rawPath = exchange.getRequest().getURI().getRawPath();
        if (rawPath == null) {
            return false;
        }
        // Most paths have neither a dot, a percent sign nor a backslash: nothing to look at.
        if (rawPath.indexOf('.') < 0 && rawPath.indexOf('%') < 0 && rawPath.indexOf('\\') < 0) {
            return false;
        }
        String lowerCase = rawPath.toLowerCase(Locale.ROOT);
        if (lowerCase.contains("%2f") || lowerCase.contains("%5c") || lowerCase.contains("\\")) {
            return true;
        }
        try {
            // valueToMatch() is the decoded segment without ;parameters, so %2e%2e and ..;x=1 are caught too.
            for (PathContainer.Element element : exchange.getRequest().getPath().elements()) {
                if (element instanceof PathContainer.PathSegment segment
                        && (segment.valueToMatch().equals(".") || segment.valueToMatch().equals(".."))) {
                    return true;
                }
            }
        } catch (IllegalArgumentException malformedEncoding) {
            return true;
        }
        return false;
    }

    /** A 400 whose detail is safe to show the client. */
    static final class RejectedPathException extends RuntimeException {

        RejectedPathException() {
            super("The path contains dot segments or encoded separators", null, false, false);
        }
    }
}
