package org.urbancooperation.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.testing.ContractLintTool;
import org.urbancooperation.contracts.testing.Promtool;
import org.springframework.kafka.core.KafkaTemplate;
import org.urbancooperation.contracts.IntegrationEventType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What partners and operators read from a running service, checked with their own tools: the OpenAPI
 * document at {@code /v3/api-docs} (every operation documents its errors as the one {@code Problem} schema;
 * Redocly CLI's {@code recommended} rules find nothing), and {@code /actuator/prometheus} (every
 * {@code ucp_*} family has help text; {@code promtool check metrics} finds nothing, where installed).
 * A service's test extends this and says how to make its lazily registered meters appear.
 * <p>
 * The documents are written under {@code target/api-contract/} for a look after a failure. Missing
 * tools (Node.js with {@code npm ci} in {@code tools/api-contract-lint}, promtool) make those checks
 * skipped, never passed, and fail them under {@code CI=true}.
 */
public abstract class ServiceContractTest extends ServiceApiTest {

    /** At least these on every operation; 413 and 415 where it reads a request body. */
    static final Set<String> EVERY_OPERATION = Set.of("400", "401", "403", "404", "406", "429");
    static final Set<String> WITH_REQUEST_BODY = Set.of("413", "415");
    static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** The platform's meters of service-support; each service's test makes the lazy ones appear. */
    protected static final Set<String> PLATFORM_METRICS = Set.of("ucp_outbox_pending", "ucp_outbox_failed_total",
            "ucp_outbox_publish_lag_seconds", "ucp_outbox_published_total", "ucp_events_consumed_total",
            "ucp_events_applied_age_seconds",
            "ucp_events_ignored_total", "ucp_events_dead_lettered_total", "ucp_security_identity_rejected_total");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Class<?>> EXERCISED = ConcurrentHashMap.newKeySet();
    private static final Pattern PROMETHEUS_META = Pattern.compile("^# (HELP|TYPE) (\\S+)(?: (.*))?$");

    /**
     * Makes the service publish at least one integration event through its outbox (e.g. an HTTP call that
     * creates an aggregate). {@link #publishSample} helps when that needs another service's event first.
     */
    protected abstract void publishAnIntegrationEvent();

    /** A type this service consumes: its sample, a poison record and an unknown type go to its topic. */
    protected abstract IntegrationEventType consumedType();

    // ---- OpenAPI ----------------------------------------------------------------------------------------

    @Test
    void everyOperationDocumentsItsErrorsAsProblems() {
        JsonNode document = openApiDocument();
        JsonNode problem = document.at("/components/schemas/Problem/properties");
        assertThat(problem.propertyNames()).as("the Problem schema (RFC 9457 plus the platform's extensions)")
                .contains("type", "title", "status", "detail", "instance", "correlationId", "errors");
        assertThat(document.at("/components/schemas/Problem/properties/errors/items/properties").propertyNames())
                .contains("field", "message");

        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!method.getValue().has("responses")) {
                    continue; // parameters, summary, ... of the path item
                }
                operations++;
                String operation = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = method.getValue().path("responses");
                Set<String> required = new TreeSet<>(EVERY_OPERATION);
                if (method.getValue().has("requestBody")) {
                    required.addAll(WITH_REQUEST_BODY);
                }
                assertThat(responses.propertyNames()).as(operation).containsAll(required);
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    if (response.getKey().startsWith("4")) {
                        JsonNode resolved = resolve(document, response.getValue());
                        assertThat(resolved.path("content").propertyNames()).as(operation + " " + response.getKey())
                                .containsExactly("application/problem+json");
                        assertThat(resolved.at("/content/application~1problem+json/schema/$ref").asString())
                                .as(operation + " " + response.getKey()).isEqualTo(PROBLEM_REF);
                    }
                }
            }
        }
        assertThat(operations).as("operations in the document").isPositive();
    }

    @Test
    void openApiDocumentPassesRedoclyRecommendedRules() throws IOException {
        Path file = writeTarget("openapi.json", openApiText());
        String report = ContractLintTool.check("openapi", file.toString());
        assertThat(report).contains("0 errors, 0 warnings");
    }

    // ---- Metrics -----------------------------------------------------------------------------------------

    @Test
    void everyPlatformMetricHasHelpText() throws IOException {
        Map<String, String> help = ucpFamilies(scrapeWithEveryPlatformMetric());
        List<String> withoutHelp = new ArrayList<>();
        help.forEach((family, text) -> {
            if (text == null || text.isBlank()) {
                withoutHelp.add(family);
            }
        });
        assertThat(withoutHelp).as("ucp_ metric families without HELP text (give each meter a description)").isEmpty();
    }

    @Test
    void promtoolFindsNothingToCriticiseInThePlatformMetrics() throws IOException, InterruptedException {
        String exposition = scrapeWithEveryPlatformMetric();
        // Only ours: promtool's naming advice on the JVM's, Kafka's or Spring's meters is not ours to act on.
        StringBuilder ours = new StringBuilder();
        for (String line : exposition.split("\n")) {
            Matcher meta = PROMETHEUS_META.matcher(line);
            String name = meta.matches() ? meta.group(2) : line;
            if (name.startsWith("ucp_")) {
                ours.append(line).append('\n');
            }
        }
        assertThat(Promtool.problems(ours.toString(), "ucp_")).as("promtool check metrics").isEmpty();
    }

    /**
     * The scrape once every platform meter exists: the lazily registered ones appear only once their code
     * has run, so this makes it run (once per test class: the service keeps its meters).
     */
    private String scrapeWithEveryPlatformMetric() throws IOException {
        if (EXERCISED.add(getClass())) {
            anonymous().get("/api/v1/partnerships", "X-Ucp-Identity", "not-a-token");
            publishAnIntegrationEvent();
            String topic = consumedType().topic();
            publishSample(consumedType());
            KafkaTemplate<String, byte[]> kafka = KafkaTestClients.rawTemplate(brokers);
            kafka.send(topic, UUID.randomUUID().toString(), "not an envelope".getBytes(StandardCharsets.UTF_8));
            String unknown = sample(consumedType())
                    .replace("\"" + consumedType().typeName() + "\"", "\"other.NotReadHere\"");
            kafka.send(topic, UUID.randomUUID().toString(), unknown.getBytes(StandardCharsets.UTF_8));
            kafka.flush();
        }
        String[] exposition = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            exposition[0] = scrape();
            assertThat(ucpFamilies(exposition[0]).keySet()).as("ucp_ families exported").containsAll(PLATFORM_METRICS);
        });
        writeTarget("metrics.txt", exposition[0]);
        return exposition[0];
    }

    // ---- Helpers -----------------------------------------------------------------------------------------

    /**
     * Publishes the golden sample of {@code type} to its topic as another service would, with fresh ids (so
     * it never collides with other tests' data), and returns its aggregate id.
     */
    protected String publishSample(IntegrationEventType type) {
        String sample = sample(type);
        String aggregateId = JSON.readTree(sample).path("aggregateId").asString();
        String eventId = JSON.readTree(sample).path("eventId").asString();
        String fresh = UUID.randomUUID().toString();
        String record = sample.replace(aggregateId, fresh).replace(eventId, UUID.randomUUID().toString());
        KafkaTemplate<String, byte[]> kafka = KafkaTestClients.rawTemplate(brokers);
        kafka.send(type.topic(), fresh, record.getBytes(StandardCharsets.UTF_8));
        kafka.flush();
        return fresh;
    }

    protected static String sample(IntegrationEventType type) {
        try (InputStream in = ServiceContractTest.class.getClassLoader().getResourceAsStream(type.sampleResource())) {
            assertThat(in).as(type.sampleResource()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String openApiText() {
        HttpResponse<String> response = anonymous().get("/v3/api-docs");
        assertThat(response.statusCode()).as("/v3/api-docs").isEqualTo(200);
        return response.body();
    }

    private JsonNode openApiDocument() {
        return JSON.readTree(openApiText());
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asString("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }

    private String scrape() {
        HttpResponse<String> response = anonymous().get("/actuator/prometheus");
        assertThat(response.statusCode()).as("/actuator/prometheus").isEqualTo(200);
        return response.body();
    }

    /** ucp_ family name to its HELP text ({@code null}: no HELP line), from the families' TYPE lines. */
    static Map<String, String> ucpFamilies(String exposition) {
        Map<String, String> help = new TreeMap<>();
        Map<String, String> texts = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            Matcher meta = PROMETHEUS_META.matcher(line);
            if (meta.matches() && meta.group(2).startsWith("ucp_")) {
                if (meta.group(1).equals("TYPE")) {
                    help.put(meta.group(2), null);
                } else {
                    texts.put(meta.group(2), meta.group(3));
                }
            }
        }
        help.replaceAll((family, none) -> texts.get(family));
        return help;
    }

    private Path writeTarget(String name, String content) throws IOException {
        Path dir = Path.of("target", "api-contract");
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), content).toAbsolutePath();
    }
}
