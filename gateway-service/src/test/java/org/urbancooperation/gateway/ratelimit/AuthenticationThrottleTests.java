package org.urbancooperation.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.gateway.RecordingBackend;
import org.urbancooperation.gateway.security.ApiKeyCache;
import org.urbancooperation.gateway.security.ApiKeys;

import tools.jackson.databind.JsonNode;

/**
 * Failed authentication is throttled per client address and per API key id, on a running gateway with keys
 * published on the real topic (embedded broker). Client addresses come from X-Forwarded-For, trusted here
 * as behind a proxy, so that one test can play many clients.
 */
class AuthenticationThrottleTests {

    static final RecordingBackend BACKEND = RecordingBackend.start();
    static final IntegrationEventMapper MAPPER = new IntegrationEventMapper();

    @AfterAll
    static void stop() {
        BACKEND.close();
    }

    private static Map<String, String> settings(String redisUrl) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "ucp.rate-limit.trust-forwarded-for", "true",
                "ucp.rate-limit.limits.anonymous.burst", "10000",
                "ucp.rate-limit.limits.partner.burst", "10000",
                "ucp.rate-limit.store-timeout", "1s",
                // 5 failures per address, 8 per key id, then one more per hour: nothing refills during a test.
                "ucp.auth-throttle.per-address.burst", "5",
                "ucp.auth-throttle.per-address.requests", "1",
                "ucp.auth-throttle.per-address.per", "1h",
                "ucp.auth-throttle.per-api-key.burst", "8",
                "ucp.auth-throttle.per-api-key.requests", "1",
                "ucp.auth-throttle.per-api-key.per", "1h"));
        if (redisUrl != null) {
            settings.put("REDIS_URL", redisUrl);
        }
        return settings;
    }

    @Test
    void aFloodOfBadKeysFromOneAddressIs429AndThenEvenTheRightKeyIsNotChecked() {
        try (StandaloneGateway gateway = StandaloneGateway.start(BACKEND.url(), settings(null))) {
            String key = issueAndAwait(gateway);
            String attacker = "203.0.113.7";
            for (int i = 0; i < 5; i++) {
                String wrong = i % 2 == 0 ? "ucp_" + randomId() + "_" + "x".repeat(30) : "not-a-key-" + i;
                assertThat(call(gateway, attacker, wrong, "flood-" + i).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
            }

            EntityExchangeResult<byte[]> refused = call(gateway, attacker, "ucp_" + randomId() + "_" + "y".repeat(30), "flood-6");
            assertThrottled(refused, "client");
            // The right key from the throttled address: 429 as well, never 200, so a guess cannot be confirmed.
            String marker = "right-key-while-throttled-" + UUID.randomUUID();
            assertThrottled(call(gateway, attacker, key, marker), "client");
            assertThat(BACKEND.requestsContaining(marker)).isEmpty();
            // Bearer tokens and other schemes are not checked either.
            assertThat(gateway.client().get().uri("/api/v1/partnerships").header("X-Forwarded-For", attacker)
                    .header("Authorization", "Bearer abc").exchange().returnResult(byte[].class).getStatus())
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            // Anonymous requests are the rate limiter's business, not this throttle's.
            assertThat(gateway.client().get().uri("/api/v1/events").header("X-Forwarded-For", attacker).exchange()
                    .returnResult(byte[].class).getStatus()).isEqualTo(HttpStatus.OK);

            // Another client with the same key is not affected.
            assertThat(call(gateway, "198.51.100.20", key, "other-client").getStatus()).isEqualTo(HttpStatus.OK);
            assertThat(gateway.counter("ucp_gateway_authentication_throttled_total", "scope=\"address\"")).isEqualTo(3);
            assertThat(gateway.counter("ucp_gateway_authentication_throttled_total", "scope=\"api-key\"")).isZero();
        }
    }

    @Test
    void wrongSecretsForOneKeyIdFromManyAddressesLockThatKeyIdOnly() {
        try (StandaloneGateway gateway = StandaloneGateway.start(BACKEND.url(), settings(null))) {
            String key = issueAndAwait(gateway);
            String other = issueAndAwait(gateway);
            String keyId = ApiKeys.parse(key).orElseThrow().keyId();
            for (int i = 0; i < 8; i++) {
                assertThat(call(gateway, "192.0.2." + (10 + i), "ucp_" + keyId + "_" + "w".repeat(29) + i, "guess-" + i)
                        .getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
            }

            // The key id is locked for everybody, its holder included: the right secret is not checked.
            String marker = "right-secret-locked-" + UUID.randomUUID();
            assertThrottled(call(gateway, "192.0.2.200", key, marker), "API key");
            assertThat(BACKEND.requestsContaining(marker)).isEmpty();
            // Other keys, from the same addresses, work.
            assertThat(call(gateway, "192.0.2.10", other, "other-key").getStatus()).isEqualTo(HttpStatus.OK);
            assertThat(gateway.counter("ucp_gateway_authentication_throttled_total", "scope=\"api-key\"")).isEqualTo(1);
            assertThat(gateway.counter("ucp_gateway_authentication_failures_total", "reason=\"api-key-wrong-secret\""))
                    .isEqualTo(8);
        }
    }

    @Test
    void replicasSharingRedisShareTheFailureCount() {
        Path redisBinary = RedisServerProcess.binary().orElse(null);
        if (redisBinary == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("redis-server is required when CI=true (Debian: apt-get install redis-server)");
        }
        Assumptions.assumeTrue(redisBinary != null,
                "redis-server is not installed (Debian: apt-get install redis-server); shared throttle not tested");
        try (RedisServerProcess redis = RedisServerProcess.start(redisBinary);
                StandaloneGateway first = StandaloneGateway.start(BACKEND.url(), settings(redis.url()));
                StandaloneGateway second = StandaloneGateway.start(BACKEND.url(), settings(redis.url()))) {
            String key = issueAndAwait(first);
            issueAndAwait(second);
            String attacker = "203.0.113.99";
            for (int i = 0; i < 5; i++) {
                StandaloneGateway replica = i % 2 == 0 ? first : second;
                assertThat(call(replica, attacker, "ucp_" + randomId() + "_" + "z".repeat(30), "shared-" + i).getStatus())
                        .isEqualTo(HttpStatus.UNAUTHORIZED);
            }
            assertThrottled(call(first, attacker, key, "shared-first"), "client");
            assertThrottled(call(second, attacker, key, "shared-second"), "client");
        }
    }

    @Test
    void aGatewayThatHasNotReadTheKeysYetAnswers503AndNothingCountsAsAFailure() {
        // No broker where this gateway looks for the keys: it never finishes loading them.
        Map<String, String> settings = settings(null);
        settings.put("ucp.gateway.security.kafka-bootstrap-servers", RecordingBackend.closedPortUrl().substring("http://".length()));
        try (StandaloneGateway gateway = StandaloneGateway.start(BACKEND.url(), settings)) {
            String wellFormed = "ucp_" + randomId() + "_" + "v".repeat(30);
            // Twice the address's burst of failures (5): none of them counts, so none is 429.
            for (int i = 0; i < 10; i++) {
                EntityExchangeResult<byte[]> result = call(gateway, "203.0.113.50", wellFormed, "loading-" + i);
                assertThat(result.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(result.getResponseHeaders().getFirst("Retry-After")).isEqualTo("2");
                JsonNode problem = MAPPER.jsonMapper().readTree(result.getResponseBody());
                assertThat(problem.path("status").asInt()).isEqualTo(503);
                assertThat(problem.path("detail").asString()).contains("loading the API keys");
            }
            assertThat(BACKEND.requestsContaining("loading-")).isEmpty();
            // What is wrong whatever the keys are is still a 401.
            assertThat(call(gateway, "203.0.113.51", "not-a-key", "malformed").getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
            // Anonymous requests need no keys.
            assertThat(gateway.client().get().uri("/api/v1/events?probe=anonymous-while-loading").exchange()
                    .returnResult(byte[].class).getStatus()).isEqualTo(HttpStatus.OK);
            assertThat(gateway.counter("ucp_gateway_authentication_deferred_total")).isEqualTo(10);
            assertThat(gateway.counter("ucp_gateway_authentication_failures_total", "reason=\"api-key-unknown\"")).isZero();
            assertThat(gateway.counter("ucp_gateway_authentication_throttled_total")).isZero();
        }
    }

    @Test
    void aBearerTokenWhoseKeysCannotBeFetchedIs503AndNotAFailedAttempt() throws Exception {
        // An identity provider that accepts connections and never answers (hung, or a half-open connection).
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                List<java.net.Socket> held = new java.util.ArrayList<>();
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String issuer = "http://127.0.0.1:" + silent.getLocalPort();
            Map<String, String> settings = settings(null);
            settings.put("ucp.gateway.security.oidc-issuer-uri", issuer);
            settings.put("ucp.gateway.security.oidc-timeout", "1s");
            try (StandaloneGateway gateway = StandaloneGateway.start(BACKEND.url(), settings)) {
                // Well-formed, signed by a key the gateway has to fetch: three times the address's burst (5).
                String token = unsignedLookingToken(issuer);
                for (int i = 0; i < 3; i++) {
                    long started = System.nanoTime();
                    EntityExchangeResult<byte[]> result = gateway.client().get().uri("/api/v1/partnerships?probe=idp-" + i)
                            .header("X-Forwarded-For", "203.0.113.60").header("Authorization", "Bearer " + token)
                            .exchange().expectBody().returnResult();
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    assertThat(result.getStatus()).as("after %d ms", millis).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(result.getResponseHeaders().getFirst("Retry-After")).isEqualTo("5");
                    assertThat(MAPPER.jsonMapper().readTree(result.getResponseBody()).path("detail").asString())
                            .contains("identity provider");
                    assertThat(millis).as("bounded by the timeout").isLessThan(8_000);
                }
                assertThat(BACKEND.requestsContaining("probe=idp-")).isEmpty();
                assertThat(gateway.counter("ucp_gateway_authentication_deferred_total", "reason=\"identity-provider-unavailable\""))
                        .isEqualTo(3);
                assertThat(gateway.counter("ucp_gateway_authentication_failures_total")).isZero();
                assertThat(gateway.counter("ucp_gateway_authentication_throttled_total")).isZero();
            }
        }
    }

    /** A JWT with an RS256 header and a key id, signature bytes of nothing: the key set must be fetched to judge it. */
    private static String unsignedLookingToken(String issuer) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}".getBytes());
        String claims = b64.encodeToString(("{\"iss\":\"" + issuer + "\",\"sub\":\"essen\",\"aud\":\"ucp-api\",\"exp\":"
                + (Instant.now().getEpochSecond() + 300) + ",\"ucp_role\":\"partner\"}").getBytes());
        return header + "." + claims + "." + b64.encodeToString(new byte[256]);
    }

    private static void assertThrottled(EntityExchangeResult<byte[]> result, String whose) {
        assertThat(result.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(result.getResponseHeaders().getFirst("Retry-After"))).isPositive();
        JsonNode problem = MAPPER.jsonMapper().readTree(result.getResponseBody());
        assertThat(problem.path("type").asString()).isEqualTo("https://urban-cooperation.example/problems/too-many-requests");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asString()).contains(whose);
        assertThat(problem.path("correlationId").asString()).isNotBlank();
    }

    private static EntityExchangeResult<byte[]> call(StandaloneGateway gateway, String address, String key, String marker) {
        return gateway.client().get().uri("/api/v1/partnerships?probe=" + marker)
                .header("X-Forwarded-For", address).header("X-Api-Key", key)
                .exchange().expectBody().returnResult();
    }

    /** Issues a partner key as partnership-service does and waits until the gateway accepts it. */
    private static String issueAndAwait(StandaloneGateway gateway) {
        String keyId = randomId();
        String secret = UUID.randomUUID().toString().replace("-", "") + "xyzXYZ0123";
        Map<String, Object> payload = new HashMap<>();
        payload.put("keyId", keyId);
        payload.put("secretHash", ApiKeys.sha256Hex(secret));
        payload.put("role", "partner");
        payload.put("organisationId", "city-of-essen");
        payload.put("businessId", null);
        payload.put("label", "City integration");
        payload.put("issuedAt", Instant.now().toString());
        payload.put("expiresAt", null);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "access.ApiKeyIssued", 1, Instant.now(), "ApiKey",
                keyId, 1, "partnership-service", null, MAPPER.jsonMapper().valueToTree(payload));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("spring.embedded.kafka.brokers"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("access.api-key", keyId, MAPPER.toBytes(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String key = "ucp_" + keyId + "_" + secret;
        // Asked of the cache, not over HTTP: a not-yet-known key would count as failed attempts.
        ApiKeyCache cache = gateway.bean(ApiKeyCache.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> cache.check(key).caller() != null);
        return key;
    }

    private static String randomId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
