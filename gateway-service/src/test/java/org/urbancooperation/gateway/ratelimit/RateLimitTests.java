package org.urbancooperation.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.urbancooperation.gateway.RecordingBackend;
import org.urbancooperation.gateway.security.GatewayCaller;
import org.urbancooperation.gateway.web.GatewayRequestFilter;

import reactor.core.publisher.Flux;

/**
 * The rate limiter in memory, through the gateway in front of a real backend, with tiny limits. Anonymous
 * clients are told apart by X-Forwarded-For (trusted here), each test using addresses of its own; an
 * authenticated caller is simulated by a test filter standing in for authentication.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "ucp.rate-limit.trust-forwarded-for=true",
        "ucp.rate-limit.limits.anonymous.requests=2",
        "ucp.rate-limit.limits.anonymous.per=1s",
        "ucp.rate-limit.limits.anonymous.burst=3",
        "ucp.rate-limit.limits.partner.requests=5",
        "ucp.rate-limit.limits.partner.per=1h",
        "ucp.rate-limit.limits.partner.burst=5" })
// 30 s rather than 5: the first request through a cold gateway on a busy CI machine can take seconds.
@AutoConfigureWebTestClient(timeout = "30s")
class RateLimitTests {

    private static final String CALLER_HEADER = "X-Test-Caller";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

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

    /** Stands in for the authentication filter: {@code X-Test-Caller: <role>:<subject>} makes a caller. */
    @TestConfiguration
    static class TestAuthentication {

        @Bean
        GatewayRequestFilter testCallerFilter() {
            class TestCallerFilter implements GatewayRequestFilter {
                @Override
                public reactor.core.publisher.Mono<Void> filter(org.springframework.web.server.ServerWebExchange exchange,
                        org.springframework.web.server.WebFilterChain chain) {
                    String caller = exchange.getRequest().getHeaders().getFirst(CALLER_HEADER);
                    if (caller != null) {
                        String[] parts = caller.split(":", 2);
                        exchange.getAttributes().put(GatewayCaller.ATTRIBUTE,
                                new GatewayCaller(parts[1], parts[0], "org-1", null, "api-key"));
                    }
                    return chain.filter(exchange);
                }

                @Override
                public int getOrder() {
                    return RateLimitFilter.ORDER - 1;
                }
            }
            return new TestCallerFilter();
        }
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

    private static String newAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private static String uniquePath() {
        return "/api/v1/partnerships/" + UUID.randomUUID();
    }

    private WebTestClient.ResponseSpec getAs(String address) {
        return client.get().uri(uniquePath()).header("X-Forwarded-For", address).exchange();
    }

    private WebTestClient.ResponseSpec getAsCaller(String caller, String address) {
        return client.get().uri(uniquePath()).header(CALLER_HEADER, caller).header("X-Forwarded-For", address).exchange();
    }

    @Test
    void burstIsAllowedWithRateLimitHeadersThenRefusedWith429UntilTheBucketRefills() {
        String address = newAddress();
        for (int remaining = 2; remaining >= 0; remaining--) {
            getAs(address).expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "3")
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(remaining))
                    .expectHeader().value("RateLimit-Reset", reset -> assertThat(Long.parseLong(reset)).isBetween(1L, 2L));
        }

        String path = uniquePath();
        EntityExchangeResult<Map<String, Object>> refused = client.get().uri(path).header("X-Forwarded-For", address)
                .header("X-Correlation-Id", "too-many-1").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().valueEquals("RateLimit-Limit", "3")
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().exists("RateLimit-Reset")
                .expectBody(JSON_OBJECT).returnResult();
        assertThat(refused.getResponseBody())
                .containsOnlyKeys("type", "title", "status", "detail", "instance", "correlationId")
                .containsEntry("type", "https://urban-cooperation.example/problems/too-many-requests")
                .containsEntry("title", "Too Many Requests")
                .containsEntry("status", 429)
                .containsEntry("instance", path)
                .containsEntry("correlationId", "too-many-1");
        assertThat(BACKEND.requestsTo(path)).as("refused before routing").isEmpty();

        // 2 per second: a token is back within half a second.
        Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> getAs(address).returnResult(String.class).getStatus().value() == 200);
    }

    @Test
    void floodFromOneClientNeitherBlocksNorSlowsAnother() {
        String flooder = newAddress();
        String neighbour = newAddress();

        List<Integer> floodStatuses = Flux.range(0, 40)
                .flatMap(i -> Flux.just(getAs(flooder).returnResult(String.class).getStatus().value()), 8)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(floodStatuses).contains(429).filteredOn(status -> status == 200).hasSizeLessThanOrEqualTo(6);

        List<Duration> neighbourTimes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            getAs(neighbour).expectStatus().isOk();
            neighbourTimes.add(Duration.ofNanos(System.nanoTime() - started));
        }
        assertThat(neighbourTimes).allSatisfy(time -> assertThat(time).isLessThan(Duration.ofSeconds(1)));
    }

    @Test
    void authenticatedCallerHasABucketOfItsOwnWithItsRolesLimit() {
        String address = newAddress();
        String caller = "partner:key-" + UUID.randomUUID();
        double refusedBefore = limitedCount("partner");

        for (int remaining = 4; remaining >= 0; remaining--) {
            getAsCaller(caller, address).expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "5")
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(remaining));
        }
        getAsCaller(caller, address).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retry -> assertThat(Long.parseLong(retry)).isBetween(700L, 720L));

        // The same address without credentials, and another partner from it, have buckets of their own.
        getAs(address).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Limit", "3");
        getAsCaller("partner:key-" + UUID.randomUUID(), address).expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "4");

        assertThat(limitedCount("partner")).isEqualTo(refusedBefore + 1);
    }

    @Test
    void roleWithoutALimitOfItsOwnGetsTheAnonymousLimitOnItsOwnBucket() {
        String address = newAddress();
        getAsCaller("auditor:a-" + UUID.randomUUID(), address).expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "3")
                .expectHeader().valueEquals("RateLimit-Remaining", "2");
        getAs(address).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "2");
    }

    @Test
    void refusalsAreCountedPerRole() {
        String address = newAddress();
        double before = limitedCount("anonymous");
        for (int i = 0; i < 3; i++) {
            getAs(address).expectStatus().isOk();
        }
        getAs(address).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        getAs(address).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        assertThat(limitedCount("anonymous")).isGreaterThanOrEqualTo(before + 2);
        assertThat(scrape()).contains("ucp_gateway_rate_limiter_failures_total{");
    }

    @Test
    void actuatorIsNotLimited() {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            getAs(address).expectStatus().isOk();
        }
        getAs(address).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        // Readiness waits for the API keys on the topic: a moment after start on a busy machine.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> management().get().uri("/actuator/health/readiness")
                .exchange().returnResult(String.class).getStatus().is2xxSuccessful());
        for (int i = 0; i < 5; i++) {
            management().get().uri("/actuator/health/readiness").header("X-Forwarded-For", address).exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist("RateLimit-Limit");
        }
    }

    @Test
    void actuatorPathsOnTheApiPortAreLimitedLikeAnyOtherPath() {
        // The actuator is on the management port; on the API port /actuator/** is a 404 and no way around the limit.
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            client.get().uri("/actuator/health").header("X-Forwarded-For", address).exchange()
                    .expectStatus().isNotFound();
        }
        client.get().uri("/actuator/prometheus").header("X-Forwarded-For", address).exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void gatewayErrorsCountAndCarryTheHeadersToo() {
        String address = newAddress();
        client.get().uri("/nowhere").header("X-Forwarded-For", address).exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("RateLimit-Remaining", "2");
    }

    private double limitedCount(String role) {
        Matcher matcher = Pattern.compile("ucp_gateway_rate_limited_total\\{[^}]*role=\"" + role + "\"[^}]*} ([0-9.E]+)")
                .matcher(scrape());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private String scrape() {
        return management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
