package org.urbancooperation.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;


import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.contracts.identity.IdentityTokens;
import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.gateway.RecordingBackend;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Who may come in and as whom: API keys published on the real topic (embedded KRaft broker),
 * bearer tokens checked against a real JWKS endpoint, and the identity the services receive.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "ucp.rate-limit.limits.anonymous.burst=10000",
        "ucp.rate-limit.limits.partner.burst=10000",
        "ucp.rate-limit.limits.operator.burst=10000",
        "ucp.rate-limit.limits.business.burst=10000",
        // Dozens of deliberate failures from 127.0.0.1: the throttle of failures is tested in ratelimit.
        "ucp.auth-throttle.per-address.burst=10000",
        "ucp.auth-throttle.per-api-key.burst=10000"})
// 30 s rather than 5: the first request through a cold gateway on a busy CI machine can take seconds.
@AutoConfigureWebTestClient(timeout = "30s")
class GatewayAuthenticationTests {

    static final RecordingBackend BACKEND = RecordingBackend.start();
    static final IdentityProviderStandIn IDP = IdentityProviderStandIn.start();
    static final IntegrationEventMapper MAPPER = new IntegrationEventMapper();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("PARTNERSHIP_SERVICE_URL", BACKEND::url);
        registry.add("MATCHING_SERVICE_URL", BACKEND::url);
        registry.add("EVENT_SERVICE_URL", BACKEND::url);
        registry.add("ucp.gateway.security.oidc-issuer-uri", IDP::issuer);
    }

    @AfterAll
    static void stop() {
        BACKEND.close();
        IDP.close();
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
    MeterRegistry meters;
    @Value("${test.identity-public-key}")
    String identityPublicKey;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void anApiKeyBecomesTheSignedIdentityTheServicesReceive() {
        String key = issue("city-of-essen");

        String path = "/api/v1/partnerships/" + UUID.randomUUID() + "?probe=api-key";
        awaitStatus(path, key, 200);

        RecordingBackend.RecordedRequest forwarded = BACKEND.requestsTo(path).get(0);
        CallerIdentity identity = verifier().verify(forwarded.header(IdentityTokens.HEADER).get(0));
        assertThat(identity.role()).isEqualTo(Role.PARTNER);
        assertThat(identity.organisationId()).isEqualTo("city-of-essen");
        assertThat(identity.authentication()).isEqualTo("api-key");
        assertThat(forwarded.header("X-Api-Key")).as("the credential stays at the gateway").isEmpty();
        assertThat(forwarded.header("Authorization")).isEmpty();
    }

    @Test
    void aCallersSignedIdentityIsReusedForAFractionOfItsLifetimeNotSignedPerRequest() {
        String essen = issue("city-of-essen");
        String koriyama = issue("city-of-koriyama");
        String first = "/api/v1/partnerships?probe=reuse-1-" + UUID.randomUUID();
        String second = "/api/v1/partnerships?probe=reuse-2-" + UUID.randomUUID();
        String other = "/api/v1/partnerships?probe=reuse-3-" + UUID.randomUUID();
        awaitStatus(first, essen, 200);
        awaitStatus(second, essen, 200);
        awaitStatus(other, koriyama, 200);

        String firstToken = BACKEND.requestsTo(first).get(0).header(IdentityTokens.HEADER).get(0);
        assertThat(BACKEND.requestsTo(second).get(0).header(IdentityTokens.HEADER).get(0)).isEqualTo(firstToken);
        String otherToken = BACKEND.requestsTo(other).get(0).header(IdentityTokens.HEADER).get(0);
        assertThat(otherToken).isNotEqualTo(firstToken);
        assertThat(verifier().verify(otherToken).organisationId()).isEqualTo("city-of-koriyama");
    }

    @Test
    void aSpoofedIdentityHeaderNeverReachesAService() {
        String forged = "eyJhbGciOiJFUzI1NiJ9.eyJ1Y3Bfcm9sZSI6Im9wZXJhdG9yIn0.c2ln";
        String anonymousPath = "/api/v1/partnerships/" + UUID.randomUUID() + "?probe=spoof";
        client.get().uri(anonymousPath).header(IdentityTokens.HEADER, forged).exchange().expectStatus().isOk();
        assertThat(BACKEND.requestsTo(anonymousPath).get(0).header(IdentityTokens.HEADER)).isEmpty();

        String key = issue("city-of-koriyama");
        String path = "/api/v1/partnerships/" + UUID.randomUUID() + "?probe=spoof-with-key";
        awaitStatus(path, key, 200, IdentityTokens.HEADER, forged);
        List<String> forwarded = BACKEND.requestsTo(path).get(0).header(IdentityTokens.HEADER);
        assertThat(forwarded).hasSize(1).doesNotContain(forged);
        assertThat(verifier().verify(forwarded.get(0)).organisationId()).isEqualTo("city-of-koriyama");
    }

    @Test
    void wrongMalformedAndUnknownKeysAre401Problems() {
        String key = issue("city-of-essen");
        awaitStatus("/api/v1/partnerships?probe=known", key, 200);
        String keyId = key.split("_")[1];
        String wrongSecret = "ucp_" + keyId + "_" + "A".repeat(43);

        for (String bad : List.of(wrongSecret, "ucp_unknownkey0001_" + "B".repeat(43), "let-me-in")) {
            client.get().uri("/api/v1/partnerships").header("X-Api-Key", bad).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith("application/problem+json")
                    .expectHeader().exists("WWW-Authenticate")
                    .expectBody().jsonPath("$.type").isEqualTo("https://urban-cooperation.example/problems/authentication-failed");
        }
        assertThat(meters.counter("ucp.gateway.authentication.failures", "reason", "api-key-wrong-secret").count())
                .isPositive();
        assertThat(BACKEND.requestsContaining("let-me-in")).isEmpty();
    }

    @Test
    void aRevokedKeyIsRefusedWithinSeconds() {
        String key = issue("city-of-essen");
        String path = "/api/v1/partnerships?probe=revoked-" + UUID.randomUUID();
        awaitStatus(path, key, 200);

        publish("access.ApiKeyRevoked", key.split("_")[1], Map.of("keyId", key.split("_")[1],
                "revokedAt", Instant.now().toString()));

        Instant revoked = Instant.now();
        awaitStatus(path, key, 401);
        assertThat(Duration.between(revoked, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anExpiredKeyIsRefused() {
        String keyId = "exp" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String secret = "C".repeat(43);
        publishIssued(keyId, secret, "partner", "city-of-essen", Instant.now().minusSeconds(1).toString());
        String key = "ucp_" + keyId + "_" + secret;
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> status("/api/v1/partnerships", key) == 401
                && meters.find("ucp.gateway.authentication.failures").tag("reason", "api-key-expired").counter() != null);
    }

    @Test
    void aBearerTokenFromTheIdentityProviderIsAccepted() {
        String token = IDP.token("essen", Map.of("ucp_role", "partner", "ucp_org", "city-of-essen"), "ucp-api");
        String path = "/api/v1/events?probe=bearer";

        client.get().uri(path).header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();

        CallerIdentity identity = verifier().verify(BACKEND.requestsTo(path).get(0).header(IdentityTokens.HEADER).get(0));
        assertThat(identity).isEqualTo(CallerIdentity.partner("essen", "city-of-essen", "jwt"));
    }

    @Test
    void bearerTokensForAnotherAudienceOrWithoutARoleOrFromAnotherKeyAre401() {
        String otherAudience = IDP.token("essen", Map.of("ucp_role", "partner", "ucp_org", "city-of-essen"), "other-api");
        String noRole = IDP.token("essen", Map.of(), "ucp-api");
        String foreign = IdentityProviderStandIn.start().token("mallory", Map.of("ucp_role", "operator"), "ucp-api");

        for (String token : List.of(otherAudience, noRole, foreign, "not.a.jwt")) {
            client.get().uri("/api/v1/events").header("Authorization", "Bearer " + token).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith("application/problem+json");
        }
    }

    /**
     * A refused bearer token whose key set the gateway had to fetch (a key id it does not know) finishes on the
     * fetching client's thread; the next request on the same keep-alive connection must still be served. Before
     * web.RequestEventLoop it was sometimes never read (a 30 s client timeout, every thread idle), within a few
     * hundred such pairs.
     */
    @Test
    void theRequestAfterATokenWhoseKeySetWasFetchedIsServedOnTheSameConnection() {
        String otherAudience = IDP.token("essen", Map.of("ucp_role", "partner", "ucp_org", "city-of-essen"), "other-api");
        String noRole = IDP.token("essen", Map.of(), "ucp-api");
        WebTestClient sameConnection = client.mutate().responseTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < 80; i++) {
            // A key id the gateway has never seen, every time: the key set is fetched again.
            String foreign = IdentityProviderStandIn.start().token("mallory", Map.of("ucp_role", "operator"), "ucp-api");
            for (String token : List.of(otherAudience, noRole, foreign, "not.a.jwt")) {
                sameConnection.get().uri("/api/v1/events").header("Authorization", "Bearer " + token).exchange()
                        .expectStatus().isUnauthorized();
            }
            sameConnection.get().uri("/api/v1/events?probe=after-fetch-" + i).exchange().expectStatus().isOk();
        }
    }

    @Test
    void anonymousCallsPassWithoutAnIdentityAndUnknownSchemesAreRefused() {
        String path = "/api/v1/events?probe=anonymous";
        client.get().uri(path).exchange().expectStatus().isOk();
        assertThat(BACKEND.requestsTo(path).get(0).header(IdentityTokens.HEADER)).isEmpty();

        client.get().uri("/api/v1/events").header("Authorization", "Basic c2VjcmV0YXJpYXQ6ZGVtbw==").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void operatorsSeeLatencyPerRouteAndStatusAndAuthenticationFailuresByReason() {
        client.get().uri("/api/v1/events?probe=metrics").exchange().expectStatus().isOk();
        client.get().uri("/api/v1/events").header("X-Api-Key", "not-a-key").exchange().expectStatus().isUnauthorized();

        // The first scrape renders every histogram: give it more than the client's default 5 s on a busy machine.
        String metrics = management()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).contains("ucp_gateway_requests_seconds_bucket{")
                .containsPattern("ucp_gateway_requests_seconds_count\\{[^}]*route=\"event-service\",status=\"200\"")
                // Refused before routing: counted all the same, without a route.
                .containsPattern("ucp_gateway_requests_seconds_count\\{[^}]*outcome=\"CLIENT_ERROR\",route=\"none\",status=\"401\"")
                .containsPattern("ucp_gateway_authentication_failures_total\\{[^}]*reason=\"api-key-malformed\"")
                .doesNotContain("probe=metrics");
    }

    /** Every meter of the gateway's own, each tag combination used at least once (lazily made meters too). */
    private String exerciseEveryMeterAndScrape() {
        String key = issue("city-of-essen");
        awaitStatus("/api/v1/partnerships?probe=meters", key, 200);
        client.get().uri("/api/v1/events").header("X-Api-Key", "not-a-key").exchange().expectStatus().isUnauthorized();
        return management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void everyMeterOfOursHasADescription() {
        String scrape = exerciseEveryMeterAndScrape();

        List<io.micrometer.core.instrument.Meter.Id> ours = meters.getMeters().stream().map(meter -> meter.getId())
                .filter(id -> id.getName().startsWith("ucp.")).toList();
        assertThat(ours).extracting(io.micrometer.core.instrument.Meter.Id::getName).contains("ucp.gateway.requests",
                "ucp.gateway.authentications", "ucp.gateway.authentication.failures",
                "ucp.gateway.authentication.throttled", "ucp.gateway.malformed.requests", "ucp.gateway.rate.limited",
                "ucp.gateway.rate.limiter.failures");
        assertThat(ours).allSatisfy(id -> assertThat(id.getDescription()).as("description of %s", id).isNotBlank());
        // ... and so every family of ours has its help text in the scrape.
        java.util.regex.Matcher families = java.util.regex.Pattern.compile("(?m)^# TYPE (ucp_\\w+) ").matcher(scrape);
        int count = 0;
        while (families.find()) {
            count++;
            assertThat(scrape).containsPattern("(?m)^# HELP " + families.group(1) + " \\S");
        }
        assertThat(count).isGreaterThanOrEqualTo(7);
    }

    @Test
    void ourMetricsPassPromtool() {
        assertThat(org.urbancooperation.contracts.testing.Promtool.problems(exerciseEveryMeterAndScrape(), "ucp_")).isEmpty();
    }

    @Test
    void readinessWaitsForTheApiKeysAndReportsThem() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> management().get().uri("/actuator/health/readiness")
                .exchange().returnResult(String.class).getStatus().is2xxSuccessful());
        management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    // ---- helpers ----

    private IdentityTokens.Verifier verifier() {
        return new IdentityTokens.Verifier(IdentityTokens.decodePublicKey(identityPublicKey), Clock.systemUTC());
    }

    /** Issues a partner key the way partnership-service does: only the hash goes onto the topic. */
    private String issue(String organisationId) {
        String keyId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String secret = UUID.randomUUID().toString().replace("-", "") + "xyzXYZ0123";
        publishIssued(keyId, secret, "partner", organisationId, null);
        return "ucp_" + keyId + "_" + secret;
    }

    private void publishIssued(String keyId, String secret, String role, String organisationId, String expiresAt) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("keyId", keyId);
        payload.put("secretHash", ApiKeys.sha256Hex(secret));
        payload.put("role", role);
        payload.put("organisationId", organisationId);
        payload.put("businessId", null);
        payload.put("label", "City integration");
        payload.put("issuedAt", Instant.now().toString());
        payload.put("expiresAt", expiresAt);
        publish("access.ApiKeyIssued", keyId, payload);
    }

    private void publish(String type, String keyId, Map<String, Object> payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(), "ApiKey", keyId, 1,
                "partnership-service", null, MAPPER.jsonMapper().valueToTree(payload));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("access.api-key", keyId, MAPPER.toBytes(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitStatus(String path, String key, int status, String... headers) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(path, key, headers) == status);
    }

    private int status(String path, String key, String... headers) {
        return client.get().uri(path).headers(h -> {
            h.set("X-Api-Key", key);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                h.set(headers[i], headers[i + 1]);
            }
        }).exchange().returnResult(String.class).getStatus().value();
    }

    /** An OpenID provider's signing side: a real JWKS endpoint and RS256 access tokens. */
    static final class IdentityProviderStandIn implements AutoCloseable {
        private final HttpServer server;
        private final RSAKey key;

        private IdentityProviderStandIn() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
        }

        static IdentityProviderStandIn start() {
            try {
                return new IdentityProviderStandIn();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        String token(String subject, Map<String, Object> claims, String audience) {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer()).subject(subject)
                    .audience(audience).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
            claims.forEach(builder::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    builder.build());
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

}
