package org.urbancooperation.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;
import org.urbancooperation.gateway.web.GatewayRequestFilters;

/**
 * The gateway in front of a real HTTP backend: partnership and matching routes lead to a recording
 * server, the event route to a closed port. The route URLs are set through the same variables that
 * production sets.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "ucp.gateway.response-timeout=1s",
        "spring.cloud.gateway.server.webflux.httpclient.connect-timeout=1000",
        // Every request here comes from 127.0.0.1: one anonymous bucket; the limits are tested in ratelimit.
        "ucp.rate-limit.limits.anonymous.burst=10000" })
// 30 s rather than 5: the first request through a cold gateway on a busy CI machine can take seconds.
@AutoConfigureWebTestClient(timeout = "30s")
class GatewayApplicationTests {

    private static final String CORRELATION_ID = "X-Correlation-Id";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    static final RecordingBackend BACKEND = RecordingBackend.start();

    @DynamicPropertySource
    static void routeToTestBackends(DynamicPropertyRegistry registry) {
        registry.add("PARTNERSHIP_SERVICE_URL", BACKEND::url);
        registry.add("MATCHING_SERVICE_URL", BACKEND::url);
        registry.add("EVENT_SERVICE_URL", RecordingBackend::closedPortUrl);
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    GatewayRequestFilters requestFilters;

    @Autowired
    List<WebFilter> webFilters;

    @Test
    void theGatewaysOwnFiltersRunAsOneWebFilterInTheirOrder() {
        assertThat(webFilters).filteredOn(filter -> filter.getClass().getName().startsWith("org.urbancooperation"))
                .containsExactly(requestFilters);
        List<String> names = requestFilters.filters().stream().map(filter -> filter.getClass().getSimpleName()).toList();
        assertThat(names.subList(0, 3)).containsExactlyInAnyOrder("RequestMetricsFilter", "CorrelationIdFilter",
                "SecurityHeadersFilter");
        assertThat(names.subList(3, names.size())).containsExactly("PathTraversalGuardFilter", "GatewayCorsFilter",
                "RequestBodyLimitFilter", "AuthenticationFilter", "RateLimitFilter");
    }

    @LocalServerPort
    int port;

    private static String uniquePath(String routePrefix) {
        return routePrefix + "/" + UUID.randomUUID();
    }

    @Nested
    class Routing {

        @Test
        void partnershipRequestReachesTheServiceWithPathAndQueryUnchanged() {
            String path = uniquePath("/api/v1/partnerships") + "/agreements";

            client.get().uri(path + "?city=Osaka&page=2").exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).isEqualTo(path + "?city=Osaka&page=2");

            List<RecordingBackend.RecordedRequest> received = BACKEND.requestsTo(path + "?city=Osaka&page=2");
            assertThat(received).singleElement().extracting(RecordingBackend.RecordedRequest::method).isEqualTo("GET");
        }

        @Test
        void collectionPathWithoutTrailingSegmentIsRouted() {
            String path = "/api/v1/partnerships";

            client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Lyon-Yokohama\"}")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).isEqualTo(path);

            assertThat(BACKEND.requestsTo(path)).extracting(RecordingBackend.RecordedRequest::method).contains("POST");
        }

        @Test
        void programmesCitiesAndOrganisationsReachPartnershipServiceWithoutCredentials() {
            for (String path : List.of("/api/v1/programmes", uniquePath("/api/v1/programmes"), "/api/v1/cities",
                    uniquePath("/api/v1/cities"), "/api/v1/organisations",
                    uniquePath("/api/v1/organisations") + "?kind=RESEARCH_INSTITUTE")) {
                client.get().uri(path).exchange()
                        .expectStatus().isOk()
                        .expectBody(String.class).isEqualTo(path);
            }
        }

        @Test
        void programmesAndReportsReachPartnershipServiceWithoutCredentials() {
            for (String path : List.of("/api/v1/programmes", uniquePath("/api/v1/programmes"),
                    uniquePath("/api/v1/programmes") + "/report", uniquePath("/api/v1/partnerships") + "/report")) {
                client.get().uri(path).exchange()
                        .expectStatus().isOk()
                        .expectBody(String.class).isEqualTo(path);
            }
        }

        @Test
        void matchingRequestReachesTheService() {
            String path = uniquePath("/api/v1/matching");

            client.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).isEqualTo(path);

            assertThat(BACKEND.requestsTo(path)).hasSize(1);
        }

        @Test
        void dotsInsideSegmentsAreNotMistakenForTraversal() {
            String path = uniquePath("/api/v1/partnerships") + "/report.v1..2/.hidden";

            client.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).isEqualTo(path);
        }

        @ParameterizedTest
        @ValueSource(strings = { "/v3/api-docs/partnerships", "/v3/api-docs/matching" })
        void openApiDocumentOfEachServiceIsServedUnderItsOwnName(String gatewayPath) {
            // The backend answers with the path it was asked for.
            client.get().uri(gatewayPath).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).isEqualTo("/v3/api-docs");
        }
    }

    @Nested
    class CorrelationIds {

        @Test
        void wellFormedIdFromTheClientIsForwardedAndReturned() {
            String path = uniquePath("/api/v1/partnerships");
            String clientId = "partner-42.request:7";

            client.get().uri(path).header(CORRELATION_ID, clientId).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(CORRELATION_ID, clientId);

            assertThat(BACKEND.requestsTo(path)).singleElement()
                    .satisfies(request -> assertThat(request.header(CORRELATION_ID)).containsExactly(clientId));
        }

        @ParameterizedTest
        @ValueSource(strings = { "not valid!", "semi;colon" })
        void malformedIdIsReplacedBeforeForwarding(String malformed) {
            String path = uniquePath("/api/v1/partnerships");

            EntityExchangeResult<String> result = client.get().uri(path).header(CORRELATION_ID, malformed).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult();

            List<String> forwarded = BACKEND.requestsTo(path).get(0).header(CORRELATION_ID);
            assertThat(forwarded).singleElement().asString().matches(UUID_PATTERN);
            assertThat(result.getResponseHeaders().get(CORRELATION_ID)).isEqualTo(forwarded);
        }

        @Test
        void missingIdIsGeneratedForwardedAndReturned() {
            String path = uniquePath("/api/v1/partnerships");

            EntityExchangeResult<String> result = client.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult();

            List<String> forwarded = BACKEND.requestsTo(path).get(0).header(CORRELATION_ID);
            assertThat(forwarded).singleElement().asString().matches(UUID_PATTERN);
            assertThat(result.getResponseHeaders().get(CORRELATION_ID)).isEqualTo(forwarded);
        }

        @Test
        void repeatedHeaderIsForwardedOnce() {
            String path = uniquePath("/api/v1/partnerships");

            client.get().uri(path).header(CORRELATION_ID, "first", "second").exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(CORRELATION_ID, "first");

            assertThat(BACKEND.requestsTo(path).get(0).header(CORRELATION_ID)).containsExactly("first");
        }
    }

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    class GatewayErrors {

        @ParameterizedTest
        @ValueSource(strings = { "/nowhere", "/api/v1/partnershipsx", "/api/v2/partnerships/1", "/v3/api-docs/unknown" })
        void unroutedPathIsNotFoundProblem(String path) {
            Map<String, Object> problem = expectProblem(client.get().uri(path).header(CORRELATION_ID, "lost-1"),
                    HttpStatus.NOT_FOUND, "lost-1");

            assertThat(problem).containsEntry("type", "https://urban-cooperation.example/problems/not-found")
                    .containsEntry("title", "Not Found")
                    .containsEntry("instance", path);
        }

        @Test
        void unreachableServiceIsServiceUnavailableProblemAndIsLoggedWithTheCorrelationId(CapturedOutput output) {
            String path = uniquePath("/api/v1/events");

            Map<String, Object> problem = expectProblem(client.get().uri(path).header(CORRELATION_ID, "down-503"),
                    HttpStatus.SERVICE_UNAVAILABLE, "down-503");

            assertThat(problem).containsEntry("type", "https://urban-cooperation.example/problems/service-unavailable")
                    .containsEntry("title", "Service Unavailable")
                    .containsEntry("instance", path);
            assertThat(output).containsPattern("\\[gateway-service,down-503\\] .*GET " + path + " answered 503");
        }

        @Test
        void calendarFeedsGoToEventServiceAndAFeedIsReadWithoutCredentials() {
            // event-service is down here: its route's 503, not the 404 of a path no route serves, and no 401 for
            // the anonymous requests (the gateway lets them through; event-service decides).
            for (String path : List.of("/api/v1/calendars/" + "A".repeat(43) + ".ics", "/api/v1/calendars")) {
                expectProblem(client.get().uri(path).header(CORRELATION_ID, "calendar-get"),
                        HttpStatus.SERVICE_UNAVAILABLE, "calendar-get");
            }
            client.post().uri("/api/v1/calendars").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            client.delete().uri("/api/v1/calendars/mine").exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            client.get().uri("/api/v1/calendarsX").exchange().expectStatus().isNotFound();
        }

        @Test
        void unreachableServiceProblemCarriesAGeneratedIdWhenTheClientSentNone() {
            EntityExchangeResult<Map<String, Object>> result = client.get().uri(uniquePath("/api/v1/events")).exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectBody(JSON_OBJECT).returnResult();

            String returnedId = result.getResponseHeaders().getFirst(CORRELATION_ID);
            assertThat(returnedId).matches(UUID_PATTERN);
            assertThat(result.getResponseBody()).containsEntry("correlationId", returnedId);
        }

        @Test
        void serviceSlowerThanTheResponseTimeoutIsGatewayTimeoutProblem() {
            String path = uniquePath("/api/v1/partnerships") + "/slow";
            long started = System.nanoTime();

            Map<String, Object> problem = expectProblem(client.get().uri(path).header(CORRELATION_ID, "slow-504"),
                    HttpStatus.GATEWAY_TIMEOUT, "slow-504");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(problem).containsEntry("type", "https://urban-cooperation.example/problems/gateway-timeout");
            assertThat(BACKEND.requestsTo(path)).as("the request did reach the service").hasSize(1);
        }

        @Test
        void serviceDroppingTheConnectionIsBadGatewayProblem() {
            String path = uniquePath("/api/v1/partnerships") + "/crash";

            Map<String, Object> problem = expectProblem(client.get().uri(path).header(CORRELATION_ID, "crash-502"),
                    HttpStatus.BAD_GATEWAY, "crash-502");

            assertThat(problem).containsEntry("type", "https://urban-cooperation.example/problems/bad-gateway");
        }

        @ParameterizedTest
        @ValueSource(strings = { "/../../actuator/env", "/%2e%2e/%2E%2E/actuator/env", "/..;jsessionid=1/x", "/./x",
                "%2f..%2factuator", "%5c..%5cactuator" })
        void pathThatTheServiceWouldResolveElsewhereIsRejectedBeforeRouting(String suffix) {
            String marker = UUID.randomUUID().toString();
            // An absolute URI is sent as written; a string would be treated as a template and re-encoded.
            URI uri = URI.create("http://localhost:" + port + "/api/v1/partnerships/" + marker + suffix);

            Map<String, Object> problem = expectProblem(client.get().uri(uri).header(CORRELATION_ID, "dots-400"),
                    HttpStatus.BAD_REQUEST, "dots-400");

            assertThat(problem).containsEntry("type", "https://urban-cooperation.example/problems/bad-request")
                    .containsEntry("instance", uri.getRawPath());
            assertThat(BACKEND.requestsContaining(marker)).isEmpty();
        }

        /** Checks the platform's problem shape: exactly these fields, nothing internal leaked. */
        private Map<String, Object> expectProblem(WebTestClient.RequestHeadersSpec<?> request, HttpStatus status,
                String correlationId) {
            EntityExchangeResult<Map<String, Object>> result = request.exchange()
                    .expectStatus().isEqualTo(status)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(CORRELATION_ID, correlationId)
                    .expectBody(JSON_OBJECT).returnResult();
            Map<String, Object> problem = result.getResponseBody();
            assertThat(problem).containsOnlyKeys("type", "title", "status", "detail", "instance", "correlationId")
                    .containsEntry("status", status.value())
                    .containsEntry("correlationId", correlationId);
            assertThat((String) problem.get("detail")).isNotBlank()
                    .doesNotContain("127.0.0.1", "Exception", "localhost");
            return problem;
        }
    }

    @Nested
    class Actuator {

        @LocalManagementPort
        int managementPort;

        /** The actuator's own port (management.server.port), apart from the API's. */
        WebTestClient management() {
            return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                    .responseTimeout(java.time.Duration.ofSeconds(30)).build();
        }

        @ParameterizedTest
        @ValueSource(strings = { "/actuator/prometheus", "/actuator/health", "/actuator/health/readiness",
                "/actuator/health/liveness" })
        void theApiPortServesNoActuatorEndpoint(String path) {
            client.get().uri(path).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        void prometheusScrapeHasTaggedGatewayMetricsAndRequestHistogram() {
            client.get().uri(uniquePath("/api/v1/partnerships")).exchange().expectStatus().isOk();
            management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
            client.get().uri("/no-such-route").exchange().expectStatus().isNotFound();

            String scrape = management().get().uri("/actuator/prometheus").exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();

            assertThat(scrape)
                    .containsPattern("ucp_gateway_requests_seconds_bucket\\{[^}]*application=\"gateway-service\"[^}]*route=\"partnership-service\"")
                    .containsPattern("ucp_gateway_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*route=\"partnership-service\",status=\"200\"")
                    .containsPattern("ucp_gateway_requests_seconds_count\\{[^}]*route=\"actuator\",status=\"200\"")
                    .containsPattern("ucp_gateway_requests_seconds_count\\{[^}]*route=\"none\",status=\"404\"")
                    // One timer per request: neither the gateway's route timer nor WebFlux's observation.
                    .doesNotContain("spring_cloud_gateway_requests_seconds")
                    .doesNotContain("http_server_requests_seconds")
                    // Nor Micrometer's log event counter, a turbo filter on every log-level check (application.yml).
                    .doesNotContain("logback_events_total")
                    .contains("jvm_memory_used_bytes");
        }

        @ParameterizedTest
        @ValueSource(strings = { "/actuator/gateway", "/actuator/gateway/routes", "/actuator/env", "/actuator/info" })
        void endpointsOtherThanHealthAndPrometheusAreNotExposed(String path) {
            management().get().uri(path).exchange()
                    .expectStatus().isNotFound();
        }

        @ParameterizedTest
        @ValueSource(strings = { "/actuator/health/readiness", "/actuator/health/liveness" })
        void probesAreUp(String path) {
            // Readiness waits for the API keys on the topic: a moment after start on a busy machine.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> management().get().uri(path).exchange().returnResult(String.class).getStatus().is2xxSuccessful());
            management().get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }

        @Test
        void actuatorResponsesCarryACorrelationIdToo() {
            management().get().uri("/actuator/health/readiness").header(CORRELATION_ID, "probe-1").exchange()
                    .expectHeader().valueEquals(CORRELATION_ID, "probe-1");
        }
    }
}
