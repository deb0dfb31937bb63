package org.urbancooperation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;


import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.urbancooperation.contracts.Topics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as a new user runs it: the README's start command brings up a real Kafka broker,
 * the Mongo server, the three services and the gateway as processes; everything below goes through
 * the gateway over HTTP, or reads Kafka with independent clients (kcat, the plain Kafka consumer).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SEEDED = "Essen - Koriyama: Maximizing Urban Cooperation for the Future";

    private static LocalStack stack;
    private static String upOutput;

    @BeforeAll
    static void startTheStack() {
        stack = new LocalStack();
        stack.run("down.sh", "--purge");
        upOutput = stack.run("up.sh");
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.run("down.sh");
            for (String part : List.of("kafka", "mongo", "partnership-service", "event-service", "matching-service",
                    "gateway-service")) {
                assertThat(stack.alive(part)).as(part + " stopped").isFalse();
            }
        }
    }

    @Test
    @Order(1)
    void upReportsTheUrlsAndLoadsTheDemoPartnershipOnce() {
        assertThat(upOutput).contains(stack.gateway()).contains("curl");
        assertThat(names(get("/api/v1/partnerships?name=" + SEEDED.replace(" ", "%20")))).containsExactly(SEEDED);

        String again = stack.run("seed.sh");

        assertThat(again).contains("found");
        assertThat(names(get("/api/v1/partnerships?name=" + SEEDED.replace(" ", "%20")))).hasSize(1);
    }

    @Test
    @Order(2)
    void aPartnershipCreatedThroughTheGatewayIsKnownToTheOtherServices() {
        String id = createPartnership("Essen - Koriyama e2e", "e2e-create-1");
        Instant created = Instant.now();

        // event-service and matching-service accept references to it once their read models have it.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                post("/api/v1/events", conference(id)).statusCode() == 201);
        Duration knownToEvents = Duration.between(created, Instant.now());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                post("/api/v1/matching/events", matchingEvent(id)).statusCode() == 201);
        System.out.printf("e2e: partnership known to event-service after %d ms%n", knownToEvents.toMillis());

        // ... and what they report comes back to partnership-service's programme indicators.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode indicators = json(get("/api/v1/partnerships/" + id + "/indicators"));
            assertThat(indicators.path("cooperationEventsScheduled").asLong()).isEqualTo(1);
            assertThat(indicators.path("matchingEventsOpened").asLong()).isEqualTo(1);
        });

        HttpResponse<String> unknown = post("/api/v1/events", conference(UUID.randomUUID().toString()));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("partnershipId");
    }

    @Test
    @Order(3)
    void kcatReadsTheIntegrationEventFromTheTopic() throws Exception {
        Assumptions.assumeTrue(onPath("kcat"), "kcat is not installed (apt-get install kcat); .ci/run installs it");
        String id = createPartnership("Essen - Koriyama kcat", "e2e-kcat-1");

        String out = "";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!out.contains(id) && Instant.now().isBefore(deadline)) {
            Process kcat = new ProcessBuilder("kcat", "-b", stack.kafka(), "-C", "-t", Topics.PARTNERSHIPS,
                    "-o", "beginning", "-e", "-q", "-f", "%k|%h|%s\\n").redirectErrorStream(true).start();
            kcat.waitFor(30, TimeUnit.SECONDS);
            out = new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        String line = out.lines().filter(l -> l.startsWith(id + "|")).findFirst().orElseThrow(
                () -> new AssertionError("no record with key " + id));
        assertThat(line).contains("ce_type=partnership.PartnershipEstablished", "correlation_id=e2e-kcat-1");
        JsonNode envelope = JSON.readTree(line.substring(line.indexOf("|{") + 1));
        assertThat(envelope.path("aggregateId").asString()).isEqualTo(id);
        assertThat(envelope.path("payload").path("name").asString()).isEqualTo("Essen - Koriyama kcat");
    }

    @Test
    @Order(4)
    void killingTheBrokerWhilePartnershipsAreCreatedLosesNoEvent() {
        stack.kill("kafka");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(createPartnership("Created while Kafka is down " + i, "e2e-outage-" + i));
        }

        stack.run("up.sh", "--no-seed");

        Map<String, Integer> published = countByKey(Topics.PARTNERSHIPS, Set.copyOf(ids), Duration.ofSeconds(90));
        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    post("/api/v1/events", conference(id)).statusCode() == 201);
        }
    }

    @Test
    @Order(5)
    void operatorsGetMetricsOfEveryService() {
        assertThat(body(stack.gateway() + "/actuator/prometheus")).contains("spring_cloud_gateway_requests_seconds");
        String partnerships = body(stack.service("PARTNERSHIP_PORT") + "/actuator/prometheus");
        assertThat(partnerships).contains("ucp_outbox_published_total", "ucp_events_consumed_total",
                "application=\"partnership-service\"");
        assertThat(body(stack.service("EVENT_PORT") + "/actuator/prometheus")).contains("ucp_events_consumed_total");
        assertThat(json(get("/v3/api-docs/partnerships")).path("paths").has("/api/v1/partnerships")).isTrue();
    }

    @Test
    @Order(6)
    void dataSurvivesARestartOfTheWholeStack() {
        String id = createPartnership("Essen - Koriyama survives", "e2e-restart");
        stack.run("down.sh");
        assertThat(stack.alive("mongo")).isFalse();

        stack.run("up.sh", "--no-seed");

        assertThat(get("/api/v1/partnerships/" + id).statusCode()).isEqualTo(200);
        assertThat(names(get("/api/v1/partnerships?name=" + SEEDED.replace(" ", "%20")))).hasSize(1);
    }

    // ---- helpers ----

    private static String createPartnership(String name, String correlationId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/v1/partnerships"))
                .header("Content-Type", "application/json").header("X-Correlation-Id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "%s",
                         "cities": [{"name": "Essen", "countryCode": "DE", "timeZone": "Europe/Berlin"},
                                    {"name": "Koriyama", "countryCode": "JP", "timeZone": "Asia/Tokyo"}],
                         "themes": ["renewable-energy"], "establishedOn": "2019-08-27"}""".formatted(name))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("id").asString();
    }

    private static String conference(String partnershipId) {
        return """
                {"partnershipId": "%s", "title": "EU-Japan 100 Cities Event on Climate Action", "format": "CONFERENCE",
                 "startsAt": "2023-01-25T08:00:00Z", "endsAt": "2023-01-25T11:00:00Z",
                 "timeZones": ["Europe/Brussels", "Asia/Tokyo"], "languages": ["en", "ja"]}""".formatted(partnershipId);
    }

    private static String matchingEvent(String partnershipId) {
        return """
                {"partnershipId": "%s", "title": "Online business matching: products against COVID-19",
                 "startsAt": "2020-11-18T08:00:00Z", "endsAt": "2020-11-18T11:00:00Z", "slotMinutes": 30}"""
                .formatted(partnershipId);
    }

    private static Map<String, Integer> countByKey(String topic, Set<String> keys, Duration timeout) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (!counts.keySet().containsAll(keys) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        counts.merge(record.key(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static List<String> names(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        json(response).forEach(p -> names.add(p.path("name").asString()));
        return names;
    }

    private static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(stack.gateway() + path)).GET());
    }

    private static HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(stack.gateway() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String body(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

}
