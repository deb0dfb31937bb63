package org.urbancooperation.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.urbancooperation.gateway.RecordingBackend;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import reactor.core.publisher.Flux;

/**
 * Circuit breakers, retries, the body limit, CORS and the security headers, through the gateway in front
 * of a real HTTP backend (all three service routes lead to it). The event-service breaker gets a tiny
 * window so that a test can open it; the other two keep the defaults.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "ucp.gateway.response-timeout=1s",
        "spring.cloud.gateway.server.webflux.httpclient.connect-timeout=1000",
        "ucp.rate-limit.limits.anonymous.burst=10000",
        "ucp.cors.allowed-origins=https://app.example, https://admin.example",
        "resilience4j.circuitbreaker.instances.event-service.sliding-window-size=4",
        "resilience4j.circuitbreaker.instances.event-service.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.instances.event-service.wait-duration-in-open-state=1s",
        "resilience4j.circuitbreaker.instances.event-service.permitted-number-of-calls-in-half-open-state=2" })
// 30 s rather than 5: the first request through a cold gateway on a busy CI machine can take seconds.
@AutoConfigureWebTestClient(timeout = "30s")
class ResilienceTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final Duration FAST = Duration.ofSeconds(2);

    static final RecordingBackend BACKEND = RecordingBackend.start();

    @DynamicPropertySource
    static void routeToTestBackend(DynamicPropertyRegistry registry) {
        registry.add("PARTNERSHIP_SERVICE_URL", BACKEND::url);
        registry.add("EVENT_SERVICE_URL", BACKEND::url);
        registry.add("MATCHING_SERVICE_URL", BACKEND::url);
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @Autowired
    WebTestClient client;

    @LocalManagementPort
    int managementPort;

    /** The actuator's own port (management.server.port), apart from the API's. */
    WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    private static String uniquePath(String routePrefix) {
        return routePrefix + "/" + UUID.randomUUID();
    }

    private static Map<String, Object> assertProblem(EntityExchangeResult<Map<String, Object>> result, HttpStatus status,
            String type, String instance) {
        assertThat(result.getStatus().value()).isEqualTo(status.value());
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        String correlationId = result.getResponseHeaders().getFirst("X-Correlation-Id");
        Map<String, Object> problem = result.getResponseBody();
        assertThat(problem).containsOnlyKeys("type", "title", "status", "detail", "instance", "correlationId")
                .containsEntry("type", "https://urban-cooperation.example/problems/" + type)
                .containsEntry("status", status.value())
                .containsEntry("instance", instance)
                .containsEntry("correlationId", correlationId);
        assertThat((String) problem.get("detail")).isNotBlank().doesNotContain("127.0.0.1", "Exception", "localhost");
        return problem;
    }

    private String scrape() {
        return management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Nested
    class CircuitBreakers {

        @Test
        void openCircuitAnswersTheFallbackAtOnceAndClosesAgainOnceTheServiceAnswers() {
            CircuitBreaker breaker = circuitBreakers.circuitBreaker("event-service");
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);

            // Four dropped connections (POST: not retried) fill the window of four with failures.
            for (int i = 0; i < 4; i++) {
                client.post().uri(uniquePath("/api/v1/events") + "/crash").bodyValue("{}").exchange()
                        .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY);
            }
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(scrape()).containsPattern(
                    "resilience4j_circuitbreaker_state\\{[^}]*name=\"event-service\"[^}]*state=\"open\"[^}]*} 1\\.0");

            // Open: answered by the gateway at once, the service never sees the request.
            String refusedPath = uniquePath("/api/v1/events");
            long started = System.nanoTime();
            EntityExchangeResult<Map<String, Object>> refused = client.get().uri(refusedPath).exchange()
                    .expectBody(JSON_OBJECT).returnResult();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
            assertProblem(refused, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", refusedPath);
            assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(BACKEND.requestsTo(refusedPath)).isEmpty();

            // Other services' breakers are not affected.
            client.get().uri(uniquePath("/api/v1/matching")).exchange().expectStatus().isOk();

            // After the wait in the open state, trial calls go through; two successes close the circuit.
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> client.get().uri(uniquePath("/api/v1/events")).exchange()
                            .returnResult(String.class).getStatus().value() == 200);
            client.get().uri(uniquePath("/api/v1/events")).exchange().expectStatus().isOk();
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(scrape()).containsPattern(
                    "resilience4j_circuitbreaker_state\\{[^}]*name=\"event-service\"[^}]*state=\"closed\"[^}]*} 1\\.0");
        }

        @Test
        void breakersUseTheConfiguredSettings() {
            var defaults = circuitBreakers.circuitBreaker("partnership-service").getCircuitBreakerConfig();
            assertThat(defaults.getSlidingWindowSize()).isEqualTo(20);
            assertThat(defaults.getMinimumNumberOfCalls()).isEqualTo(10);
            assertThat(defaults.getFailureRateThreshold()).isEqualTo(50f);
            assertThat(defaults.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(3);
        }

        @Test
        void concurrencyIsNotCappedByABulkhead() {
            client.get().uri(uniquePath("/api/v1/partnerships")).exchange().expectStatus().isOk();

            assertThat(scrape()).contains("resilience4j_circuitbreaker_state").doesNotContain("resilience4j_bulkhead");
        }

        @Test
        void fallbackPathCalledDirectlyIsNotFound() {
            client.get().uri("/fallback/partnership-service").exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Nested
    class Retries {

        @Test
        void getIsRetriedTwiceOnAServerError() {
            String path = uniquePath("/api/v1/partnerships") + "/fail";

            client.get().uri(path).exchange().expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);

            assertThat(BACKEND.requestsTo(path)).hasSize(3).allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
        }

        @Test
        void getAnsweredWithRetryAfterIsNotRetried() {
            String path = uniquePath("/api/v1/partnerships") + "/unavailable";

            client.get().uri(path).exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader().valueEquals("Retry-After", "5");

            assertThat(BACKEND.requestsTo(path)).hasSize(1);
        }

        @Test
        void postIsNeverRetried() {
            String path = uniquePath("/api/v1/partnerships") + "/fail";

            client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\"}").exchange()
                    .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);

            assertThat(BACKEND.requestsTo(path)).singleElement()
                    .satisfies(request -> assertThat(request.method()).isEqualTo("POST"));
        }

        @Test
        void headIsRetriedTwiceOnAServerError() {
            String path = uniquePath("/api/v1/partnerships") + "/fail";

            client.head().uri(path).exchange().expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);

            assertThat(BACKEND.requestsTo(path)).hasSize(3).allSatisfy(request -> assertThat(request.method()).isEqualTo("HEAD"));
        }

        @Test
        void getAnsweredOnceWithAServerErrorGetsTheSecondAnswer() {
            String path = uniquePath("/api/v1/events") + "/flaky";

            client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).isEqualTo(path);

            assertThat(BACKEND.requestsTo(path)).hasSize(2);
        }

        @Test
        void getIsRetriedTwiceOnADroppedConnection() {
            String path = uniquePath("/api/v1/matching") + "/crash";

            client.get().uri(path).exchange().expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY);

            assertThat(BACKEND.requestsTo(path)).hasSize(3);
        }

        @Test
        void deleteIsNeverRetried() {
            String path = uniquePath("/api/v1/partnerships") + "/crash";

            client.delete().uri(path).exchange().expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY);

            assertThat(BACKEND.requestsTo(path)).hasSize(1);
        }

        @Test
        void successfulGetIsSentOnce() {
            String path = uniquePath("/api/v1/matching");

            client.get().uri(path).exchange().expectStatus().isOk();

            assertThat(BACKEND.requestsTo(path)).hasSize(1);
        }
    }

    @Nested
    class RequestBodyLimit {

        @Test
        void bodyOverTheLimitIsRefusedBeforeReachingTheService() {
            String path = uniquePath("/api/v1/partnerships");

            EntityExchangeResult<Map<String, Object>> result = client.post().uri(path)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(jsonOfSize(300 * 1024)).exchange()
                    .expectBody(JSON_OBJECT).returnResult();

            assertThat(assertProblem(result, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", path))
                    .containsEntry("title", "Request body too large")
                    .containsEntry("detail", "The request body exceeds the limit of 262144 bytes");
            assertThat(BACKEND.requestsTo(path)).isEmpty();
        }

        @Test
        void chunkedBodyOverTheLimitIsRefusedToo() {
            String path = uniquePath("/api/v1/partnerships");
            Flux<DataBuffer> chunks = Flux.range(0, 40)
                    .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[8 * 1024]));

            EntityExchangeResult<Map<String, Object>> result = client.post().uri(path)
                    .contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .body(BodyInserters.fromDataBuffers(chunks)).exchange()
                    .expectBody(JSON_OBJECT).returnResult();

            assertThat(result.getRequestHeaders().getContentLength()).as("sent chunked").isEqualTo(-1);
            assertProblem(result, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", path);
            assertThat(BACKEND.requestsTo(path)).isEmpty();
        }

        @Test
        void bodyUnderTheLimitIsForwarded() {
            String path = uniquePath("/api/v1/partnerships");

            client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(jsonOfSize(200 * 1024)).exchange()
                    .expectStatus().isOk();

            assertThat(BACKEND.requestsTo(path)).hasSize(1);
        }

        private static String jsonOfSize(int bytes) {
            String prefix = "{\"text\":\"";
            return prefix + "a".repeat(bytes - prefix.length() - 2) + "\"}";
        }
    }

    @Nested
    class Cors {

        @Test
        void preflightFromAnAllowedOriginIsAnsweredByTheGateway() {
            String path = uniquePath("/api/v1/partnerships");

            client.options().uri(path)
                    .header(HttpHeaders.ORIGIN, "https://app.example")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type, x-correlation-id")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example")
                    .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"))
                    .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600");

            assertThat(BACKEND.requestsTo(path)).isEmpty();
        }

        @Test
        void preflightFromAnotherOriginIsRefused() {
            String path = uniquePath("/api/v1/partnerships");

            EntityExchangeResult<Map<String, Object>> result = client.options().uri(path)
                    .header(HttpHeaders.ORIGIN, "https://evil.example")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                    .exchange()
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                    .expectBody(JSON_OBJECT).returnResult();

            assertProblem(result, HttpStatus.FORBIDDEN, "forbidden", path);
            assertThat(BACKEND.requestsTo(path)).isEmpty();
        }

        @Test
        void preflightForAMethodOutsideTheConfigurationIsRefused() {
            client.options().uri(uniquePath("/api/v1/partnerships"))
                    .header(HttpHeaders.ORIGIN, "https://admin.example")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "TRACE")
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        }

        @Test
        void actualRequestFromAnAllowedOriginMayReadTheAnswer() {
            client.get().uri(uniquePath("/api/v1/partnerships"))
                    .header(HttpHeaders.ORIGIN, "https://admin.example")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://admin.example")
                    .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                            exposed -> assertThat(exposed).contains("X-Correlation-Id", "RateLimit-Remaining"));
        }

        @Test
        void actualRequestFromAnotherOriginGetsNoCorsHeaders() {
            client.get().uri(uniquePath("/api/v1/partnerships"))
                    .header(HttpHeaders.ORIGIN, "https://evil.example")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        }
    }

    @Nested
    class SecurityHeaders {

        @Test
        void proxiedApiResponseCarriesTheSecurityHeaders() {
            expectApiSecurityHeaders(client.get().uri(uniquePath("/api/v1/partnerships")).exchange().expectStatus().isOk());
        }

        @Test
        void gatewayErrorsCarryThemToo() {
            expectApiSecurityHeaders(client.get().uri("/nowhere").exchange().expectStatus().isNotFound());
        }

        @Test
        void swaggerUiPathsAreSpared() {
            for (String path : List.of("/swagger-ui/index.html", "/webjars/swagger-ui/swagger-ui.css")) {
                EntityExchangeResult<byte[]> result = client.get().uri(path).exchange()
                        .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                        .expectBody().returnResult();
                List<String> policies = result.getResponseHeaders().getOrEmpty("Content-Security-Policy");
                assertThat(policies).as(path).noneMatch(policy -> policy.contains("default-src 'none'"));
                assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.CACHE_CONTROL)).as(path)
                        .doesNotContain("no-store");
            }
        }

        private void expectApiSecurityHeaders(WebTestClient.ResponseSpec response) {
            response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                    // Plain HTTP: Strict-Transport-Security would be ignored by browsers anyway.
                    .expectHeader().doesNotExist("Strict-Transport-Security");
        }
    }
}
