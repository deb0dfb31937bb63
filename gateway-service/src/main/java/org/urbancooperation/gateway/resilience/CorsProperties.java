package org.urbancooperation.gateway.resilience;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ucp.cors.*}: which browser origins may call the API from their pages. No origin is allowed by
 * default; {@code UCP_CORS_ALLOWED_ORIGINS} sets a comma-separated list such as
 * {@code https://app.example,https://admin.example} (exact origins; patterns like
 * {@code https://*.example} are accepted too).
 *
 * @param allowedOrigins origins whose pages may call the API; empty: none
 * @param allowedMethods methods a cross-origin request may use
 * @param allowedHeaders request headers a cross-origin request may send
 * @param exposedHeaders response headers the page's script may read
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("ucp.cors")
public record CorsProperties(
        @DefaultValue("") List<String> allowedOrigins,
        @DefaultValue({ "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE" }) List<String> allowedMethods,
        @DefaultValue({ "Authorization", "Content-Type", "If-Match", "If-None-Match", "X-Api-Key",
                "X-Correlation-Id" }) List<String> allowedHeaders,
        @DefaultValue({ "ETag", "Location", "Retry-After", "X-Correlation-Id", "RateLimit-Limit",
                "RateLimit-Remaining", "RateLimit-Reset" }) List<String> exposedHeaders,
        @DefaultValue("1h") Duration maxAge) {
}
