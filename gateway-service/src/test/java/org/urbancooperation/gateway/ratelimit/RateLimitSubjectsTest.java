package org.urbancooperation.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.urbancooperation.gateway.security.GatewayCaller;

class RateLimitSubjectsTest {

    private static final RateLimitProperties.Limit ANONYMOUS = new RateLimitProperties.Limit(60, Duration.ofMinutes(1), 30);
    private static final RateLimitProperties.Limit PARTNER = new RateLimitProperties.Limit(600, Duration.ofMinutes(1), 120);

    private static RateLimitSubjects subjects(boolean trustForwardedFor, int trustedProxies) {
        return new RateLimitSubjects(new RateLimitProperties(true, "", Duration.ofMillis(100),
                RateLimitProperties.StoreFailureMode.OPEN, trustForwardedFor, trustedProxies, 100, List.of("/actuator/**"),
                Map.of("anonymous", ANONYMOUS, "partner", PARTNER)));
    }

    private static MockServerWebExchange request(String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.get("/api/v1/partnerships")
                .remoteAddress(new InetSocketAddress("192.0.2.7", 50000));
        if (forwardedFor.length > 0) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(builder);
    }

    @Test
    void anonymousCallerIsKeyedByTheConnectionsAddress() {
        assertThat(subjects(false, 1).of(request())).isEqualTo(new RateLimitSubject("ip:192.0.2.7", "anonymous", ANONYMOUS));
    }

    @Test
    void forwardedForIsIgnoredUnlessTrusted() {
        // A client choosing its own bucket by sending the header must not work.
        assertThat(subjects(false, 1).of(request("203.0.113.9")).key()).isEqualTo("ip:192.0.2.7");
    }

    @Test
    void trustedForwardedForGivesTheAddressWrittenByTheProxy() {
        // The client sent "6.6.6.6" itself; the proxy appended the address it saw.
        assertThat(subjects(true, 1).of(request("6.6.6.6, 203.0.113.9")).key()).isEqualTo("ip:203.0.113.9");
        assertThat(subjects(true, 1).of(request("6.6.6.6", "203.0.113.9")).key()).isEqualTo("ip:203.0.113.9");
        assertThat(subjects(true, 2).of(request("6.6.6.6, 203.0.113.9, 10.0.0.2")).key()).isEqualTo("ip:203.0.113.9");
        assertThat(subjects(true, 1).of(request("[2001:db8::1]")).key()).isEqualTo("ip:2001:db8::1");
    }

    @Test
    void trustedButMissingOrMalformedForwardedForFallsBackToTheConnectionsAddress() {
        assertThat(subjects(true, 1).of(request()).key()).isEqualTo("ip:192.0.2.7");
        assertThat(subjects(true, 1).of(request("not-an-address")).key()).isEqualTo("ip:192.0.2.7");
    }

    @Test
    void authenticatedCallerIsKeyedByPrincipalWithItsRolesLimit() {
        MockServerWebExchange exchange = request();
        exchange.getAttributes().put(GatewayCaller.ATTRIBUTE, new GatewayCaller("k-1", "Partner", "org-1", null, "api-key"));

        RateLimitSubject subject = subjects(false, 1).of(exchange);

        assertThat(subject).isEqualTo(new RateLimitSubject("api-key:k-1", "partner", PARTNER));
        assertThat(subject.bucketName()).isEqualTo("partner:120-600-60000:api-key:k-1");
    }

    @Test
    void roleWithoutALimitGetsTheAnonymousOneOnItsOwnBucket() {
        MockServerWebExchange exchange = request();
        exchange.getAttributes().put(GatewayCaller.ATTRIBUTE, new GatewayCaller("sub-9", "auditor", null, null, "jwt"));

        assertThat(subjects(false, 1).of(exchange)).isEqualTo(new RateLimitSubject("jwt:sub-9", "anonymous", ANONYMOUS));
    }
}
