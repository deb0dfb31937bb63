package org.urbancooperation.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class SecurityHeadersFilterTest {

    private static HttpHeaders responseHeaders(boolean forceHsts, String url) {
        SecurityHeadersFilter filter = new SecurityHeadersFilter(new SecurityHeadersProperties(
                "default-src 'none'; frame-ancestors 'none'", List.of("/swagger-ui/**", "/webjars/**"),
                Duration.ofDays(365), forceHsts));
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(url));
        filter.filter(exchange, ex -> ex.getResponse().setComplete()).block();
        return exchange.getResponse().getHeaders();
    }

    @Test
    void httpsResponseGetsStrictTransportSecurity() {
        assertThat(responseHeaders(false, "https://api.example/api/v1/partnerships").getFirst("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void plainHttpGetsItOnlyWhenForced() {
        assertThat(responseHeaders(false, "http://api.example/api/v1/partnerships").containsHeader("Strict-Transport-Security"))
                .isFalse();
        assertThat(responseHeaders(true, "http://api.example/api/v1/partnerships").containsHeader("Strict-Transport-Security"))
                .isTrue();
    }

    @Test
    void swaggerUiGetsNeitherTheStrictPolicyNorNoStore() {
        HttpHeaders headers = responseHeaders(false, "https://api.example/swagger-ui/index.html");
        assertThat(headers.containsHeader("Content-Security-Policy")).isFalse();
        assertThat(headers.containsHeader(HttpHeaders.CACHE_CONTROL)).isFalse();
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    }
}
