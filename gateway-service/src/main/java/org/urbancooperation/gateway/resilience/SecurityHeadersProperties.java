package org.urbancooperation.gateway.resilience;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ucp.security-headers.*}: the headers {@link SecurityHeadersFilter} puts on every response.
 *
 * @param contentSecurityPolicy the policy for API responses: JSON is never rendered, so nothing may load
 * @param staticUiPaths path patterns of HTML pages and their assets (Swagger UI) that get neither the
 *        strict policy nor {@code Cache-Control: no-store}: their own headers are left alone
 * @param hstsMaxAge max-age of Strict-Transport-Security, sent on HTTPS requests
 * @param forceHsts send Strict-Transport-Security on plain-HTTP requests too: for a gateway behind a
 *        TLS-terminating proxy, which sees only HTTP
 */
@ConfigurationProperties("ucp.security-headers")
public record SecurityHeadersProperties(
        @DefaultValue("default-src 'none'; frame-ancestors 'none'") String contentSecurityPolicy,
        @DefaultValue({ "/swagger-ui.html", "/swagger-ui/**", "/webjars/**" }) List<String> staticUiPaths,
        @DefaultValue("365d") Duration hstsMaxAge,
        @DefaultValue("false") boolean forceHsts) {
}
