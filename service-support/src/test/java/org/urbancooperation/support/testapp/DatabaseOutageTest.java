package org.urbancooperation.support.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import tools.jackson.databind.JsonNode;

/**
 * While the database is unreachable the service answers {@code 503} problem+json with {@code Retry-After}
 * within the 2 s server selection timeout (never a 500, never a wait the gateway turns into 504), its
 * readiness is DOWN, and it recovers by itself when the database is back on the same address.
 * Its own mongo-java-server on its own port, so it can stop and start it; a context of its own.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=support-test-service",
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "spring.mongodb.database=support_outage_test",
                // Shorter than the default 5 s, to keep the test short; the mechanism is the same.
                "ucp.mongo.read-timeout=1500ms"})
@EmbeddedKafka(partitions = 1)
class DatabaseOutageTest {

    private static final int MONGO_PORT = freePort();
    private static MongoServer mongo = startMongo();
    /** The service reaches the database through it, so that a test can make the database hang. */
    private static final FreezableTcpProxy PROXY = new FreezableTcpProxy(MONGO_PORT);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownMongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + PROXY.port());
        TestIdentities.register(registry);
    }

    @AfterAll
    static void stopMongo() {
        PROXY.close();
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    @Test
    void answers503WithRetryAfterAtOnceWhileTheDatabaseIsDownAndRecoversByItself() {
        HttpResponse<String> created = postJson("/api/v1/test-partnerships", SupportServiceTestBase.essenKoriyama("Before the outage"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(readiness().statusCode()).isEqualTo(200);

        mongo.shutdownNow();
        mongo = null;

        // A write and a read each: 503 problem+json with Retry-After, within the server selection timeout.
        for (int attempt = 0; attempt < 3; attempt++) {
            long started = System.nanoTime();
            HttpResponse<String> write = postJson("/api/v1/test-partnerships", SupportServiceTestBase.essenKoriyama("During the outage"));
            assertUnavailable(write, started);
            started = System.nanoTime();
            HttpResponse<String> read = get(location);
            assertUnavailable(read, started);
        }
        HttpResponse<String> readiness = readiness();
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
        assertThat(ServiceHttp.json(readiness).path("status").asString()).isEqualTo("DOWN");

        mongo = startMongo();
        long restarted = System.nanoTime();

        // No restart, no intervention: the driver reconnects.
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> after = postJson("/api/v1/test-partnerships", SupportServiceTestBase.essenKoriyama("After the outage"));
            assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
        });
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(readiness().statusCode()).isEqualTo(200));
        System.out.printf("database back: serving again after %d ms%n", (System.nanoTime() - restarted) / 1_000_000);
    }

    @Test
    void answers503WhenTheDatabaseHoldsTheConnectionWithoutAnsweringAndRecoversWhenItAnswersAgain() {
        HttpResponse<String> created = postJson("/api/v1/test-partnerships", SupportServiceTestBase.essenKoriyama("Before the hang"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();

        PROXY.freeze();
        try {
            // Without a read timeout the driver would wait for ever (and the gateway would answer 504 after 10 s).
            for (int attempt = 0; attempt < 2; attempt++) {
                long started = System.nanoTime();
                assertUnavailable(get(location), started);
                started = System.nanoTime();
                assertUnavailable(postJson("/api/v1/test-partnerships", SupportServiceTestBase.essenKoriyama("During the hang")), started);
            }
        } finally {
            PROXY.thaw();
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(get(location).statusCode()).isEqualTo(200));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(readiness().statusCode()).isEqualTo(200));
    }

    private static void assertUnavailable(HttpResponse<String> response, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        JsonNode problem = SupportServiceTestBase.problem(response, 503);
        assertThat(problem.path("type").asString()).endsWith("/service-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(millis).as("answered after %d ms", millis).isLessThan(4_000);
        System.out.printf("database down: 503 after %d ms%n", millis);
    }

    private HttpResponse<String> readiness() {
        return get("/actuator/health/readiness");
    }

    private HttpResponse<String> postJson(String path, String json) {
        return new ServiceHttp(port).as(TestIdentities.OPERATOR).postJson(path, json);
    }

    private HttpResponse<String> get(String path) {
        return new ServiceHttp(port).as(TestIdentities.OPERATOR).get(path);
    }

    private static MongoServer startMongo() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", MONGO_PORT);
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
