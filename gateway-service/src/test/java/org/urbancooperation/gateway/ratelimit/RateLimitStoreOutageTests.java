package org.urbancooperation.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.urbancooperation.gateway.RecordingBackend;

/**
 * The bucket store (Redis) is unreachable or silent: requests never wait longer than the store timeout,
 * then pass ({@code open}) or get 503 ({@code closed}), and each failure is counted. Needs no Redis: the
 * gateway is pointed at a closed port, or at a socket that accepts connections and never answers.
 */
class RateLimitStoreOutageTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };
    /** Generous: the store timeout is 100 ms; what matters is that the request does not hang. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(2);

    static final RecordingBackend BACKEND = RecordingBackend.start();

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    private static String redisUrlOnClosedPort() {
        return RecordingBackend.closedPortUrl().replace("http://", "redis://");
    }

    private static Map<String, String> settings(String redisUrl, String onStoreFailure) {
        return Map.of("REDIS_URL", redisUrl, "ucp.rate-limit.on-store-failure", onStoreFailure,
                "ucp.rate-limit.store-timeout", "100ms");
    }

    @Test
    void failOpenLetsRequestsThroughAndCountsTheFailures() {
        try (StandaloneGateway gateway = StandaloneGateway.start(BACKEND.url(), settings(redisUrlOnClosedPort(), "open"))) {
            for (int i = 0; i < 5; i++) {
                String path = "/api/v1/partnerships/" + UUID.randomUUID();
                long started = System.nanoTime();
                gateway.client().get().uri(path).exchange()
                        .expectStatus().isOk()
                        .expectHeader().doesNotExist("RateLimit-Remaining");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ANSWERED_WITHIN);
                assertThat(BACKEND.requestsTo(path)).hasSize(1);
            }
            assertThat(gateway.counter("ucp_gateway_rate_limiter_failures_total", "store=\"redis\"")).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void failClosedAnswers503ProblemAtOnce() {
        try (StandaloneGateway gateway = StandaloneGateway.start(BACKEND.url(), settings(redisUrlOnClosedPort(), "closed"))) {
            String path = "/api/v1/partnerships/" + UUID.randomUUID();
            long started = System.nanoTime();

            EntityExchangeResult<Map<String, Object>> result = gateway.client().get().uri(path)
                    .header("X-Correlation-Id", "limiter-down-1").exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectBody(JSON_OBJECT).returnResult();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ANSWERED_WITHIN);
            assertThat(result.getResponseBody())
                    .containsOnlyKeys("type", "title", "status", "detail", "instance", "correlationId")
                    .containsEntry("type", "https://urban-cooperation.example/problems/service-unavailable")
                    .containsEntry("status", 503)
                    .containsEntry("instance", path)
                    .containsEntry("correlationId", "limiter-down-1");
            assertThat(BACKEND.requestsTo(path)).isEmpty();
            // Probes are not limited, so an orchestrator still sees the replica.
            gateway.management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        }
    }

    @Test
    void silentStoreTimesOutInsteadOfHangingTheRequest() throws IOException {
        // Accepts connections (the kernel does, from the backlog) and never answers a byte.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                StandaloneGateway gateway = StandaloneGateway.start(BACKEND.url(),
                        settings("redis://127.0.0.1:" + silent.getLocalPort(), "closed"))) {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                gateway.client().get().uri("/api/v1/partnerships/" + UUID.randomUUID()).exchange()
                        .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ANSWERED_WITHIN);
            }
            assertThat(gateway.counter("ucp_gateway_rate_limiter_failures_total", "reason=\"timeout\""))
                    .isGreaterThanOrEqualTo(1);
        }
    }
}
