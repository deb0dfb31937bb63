package org.urbancooperation.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.urbancooperation.gateway.RecordingBackend;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * A service that breaks the exchange (a SIGKILLed process: its connection reset, or closed before a complete
 * response) is a 502 problem, whether the route has a circuit breaker with a fallback (the service routes) or
 * not (the test route {@code /plain/**}); the breaker counts it as a failure and a POST is never sent twice. A
 * service that is down (connection refused) stays a 503, logged as one WARN line naming the route's real port.
 * Real sockets on loopback throughout ({@link AbruptBackend}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "ucp.gateway.response-timeout=2s",
        "spring.cloud.gateway.server.webflux.httpclient.connect-timeout=1000",
        "ucp.rate-limit.limits.anonymous.burst=10000",
        // Failures here must not open the partnership-service breaker: every test expects the service reached.
        "resilience4j.circuitbreaker.instances.partnership-service.sliding-window-size=100",
        "resilience4j.circuitbreaker.instances.partnership-service.minimum-number-of-calls=100" })
@AutoConfigureWebTestClient(timeout = "30s")
@ExtendWith(OutputCaptureExtension.class)
class BrokenExchangeTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    static final AbruptBackend BACKEND = startBackend();
    static final String CLOSED_PORT_URL = RecordingBackend.closedPortUrl();

    private static AbruptBackend startBackend() {
        try {
            return new AbruptBackend();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("PARTNERSHIP_SERVICE_URL", BACKEND::url);
        registry.add("MATCHING_SERVICE_URL", BACKEND::url);
        registry.add("EVENT_SERVICE_URL", () -> CLOSED_PORT_URL);
    }

    /** A route without circuit breaker and retry: the error reaches the problem handler directly. */
    @TestConfiguration(proxyBeanMethods = false)
    static class PlainRoute {

        @Bean
        RouteLocator plainRoute(RouteLocatorBuilder routes) {
            return routes.routes().route("plain", route -> route.path("/plain/**").uri(BACKEND.url())).build();
        }
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    private static String path(String prefix, String behaviour) {
        return prefix + "/" + UUID.randomUUID() + "/" + behaviour;
    }

    @ParameterizedTest
    @ValueSource(strings = { "reset", "close", "close-in-headers", "reset-after-headers", "close-after-headers" })
    void postToAServiceThatBreaksTheExchangeIsBadGatewaySentOnceAndABreakerFailure(String behaviour,
            CapturedOutput output) {
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("partnership-service");
        int failuresBefore = breaker.getMetrics().getNumberOfFailedCalls();
        String path = path("/api/v1/partnerships", behaviour);

        EntityExchangeResult<Map<String, Object>> result = client.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Essen - Koriyama\"}")
                .header("X-Correlation-Id", "broken-" + behaviour).exchange()
                .expectBody(JSON_OBJECT).returnResult();

        assertBadGateway(result, path);
        assertThat(BACKEND.received("POST", path)).as("sent once, never retried").isEqualTo(1);
        if (!behaviour.endsWith("after-headers")) {
            // Broken before the response headers: inside the breaker's call. (After them, the breaker has counted
            // the call already: the body is written by a filter around it; see the README.)
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as("a failure for the breaker")
                    .isEqualTo(failuresBefore + 1);
        }
        assertThat(linesOf(output, "broken-" + behaviour)).singleElement().asString()
                .contains(" WARN ")
                .contains("POST " + path + " answered 502 (route partnership-service, 127.0.0.1:" + port(BACKEND.url()) + ")");
    }

    /** The gateway's log lines of one request (the captured output holds every test's). */
    private static java.util.List<String> linesOf(CapturedOutput output, String correlationId) {
        return output.getAll().lines().filter(line -> line.contains("[gateway-service," + correlationId + "]")).toList();
    }

    @Test
    void getToAServiceThatResetsTheConnectionIsRetriedAsBeforeThenBadGateway() {
        String path = path("/api/v1/matching", "reset");

        assertBadGateway(client.get().uri(path).exchange().expectBody(JSON_OBJECT).returnResult(), path);

        assertThat(BACKEND.received("GET", path)).as("GET: retried twice").isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = { "reset", "close", "close-in-headers", "reset-after-headers", "close-after-headers" })
    void routeWithoutBreakerAnswersBadGatewayToo(String behaviour) {
        String path = path("/plain", behaviour);

        EntityExchangeResult<Map<String, Object>> result = client.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectBody(JSON_OBJECT).returnResult();

        assertBadGateway(result, path);
        assertThat(BACKEND.received("POST", path)).isEqualTo(1);
    }

    @Test
    void answeringServiceStillPassesThrough() {
        client.post().uri(path("/plain", "fine")).bodyValue("{}").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("ok");
    }

    @Test
    void refusedConnectionIsServiceUnavailableLoggedAsOneWarningWithTheRoutesPort(CapturedOutput output) {
        String path = path("/api/v1/events", "x");

        EntityExchangeResult<Map<String, Object>> result = client.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").header("X-Correlation-Id", "refused-503")
                .exchange().expectBody(JSON_OBJECT).returnResult();

        assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", path);
        assertThat(linesOf(output, "refused-503")).singleElement().asString()
                .contains(" WARN ")
                .contains("POST " + path + " answered 503 (route event-service, 127.0.0.1:" + port(CLOSED_PORT_URL) + ")");
    }

    private static int port(String url) {
        return URI.create(url).getPort();
    }

    private static void assertBadGateway(EntityExchangeResult<Map<String, Object>> result, String path) {
        Map<String, Object> problem = assertProblem(result, HttpStatus.BAD_GATEWAY, "bad-gateway", path);
        assertThat(problem).containsEntry("title", "Bad Gateway");
        // Nothing of the broken response leaks into the gateway's answer.
        assertThat(result.getResponseHeaders().getETag()).isNull();
    }

    private static Map<String, Object> assertProblem(EntityExchangeResult<Map<String, Object>> result, HttpStatus status,
            String type, String instance) {
        assertThat(result.getStatus().value()).as("status").isEqualTo(status.value());
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        String correlationId = result.getResponseHeaders().getFirst("X-Correlation-Id");
        Map<String, Object> problem = result.getResponseBody();
        assertThat(problem).containsOnlyKeys("type", "title", "status", "detail", "instance", "correlationId")
                .containsEntry("type", "https://urban-cooperation.example/problems/" + type)
                .containsEntry("status", status.value())
                .containsEntry("instance", instance)
                .containsEntry("correlationId", correlationId);
        assertThat((String) problem.get("detail")).isNotBlank()
                .doesNotContain("127.0.0.1", "Exception", "localhost", "reset", "Connection");
        return problem;
    }
}
