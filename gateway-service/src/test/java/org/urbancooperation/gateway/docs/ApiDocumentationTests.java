package org.urbancooperation.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.testing.ContractLintTool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's one documentation page: Swagger UI over the services' OpenAPI documents (served by
 * stand-in services whose documents name their own address as server, as springdoc does), and the
 * AsyncAPI document of the integration events from the event-contracts jar.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ucp.rate-limit.limits.anonymous.burst=10000")
// 30 s rather than 5: the first request through a cold gateway on a busy CI machine can take seconds.
@AutoConfigureWebTestClient(timeout = "30s")
class ApiDocumentationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Partnership and matching: a service that documents itself like springdoc does. */
    static final OpenApiService SERVICE = OpenApiService.start(200, "application/json");
    /** Events: a service that fails; its error must reach the client unchanged. */
    static final OpenApiService FAILING_SERVICE = OpenApiService.start(500, "application/json");

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("PARTNERSHIP_SERVICE_URL", SERVICE::url);
        registry.add("MATCHING_SERVICE_URL", SERVICE::url);
        registry.add("EVENT_SERVICE_URL", FAILING_SERVICE::url);
    }

    @AfterAll
    static void stop() {
        SERVICE.close();
        FAILING_SERVICE.close();
    }

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @Test
    void swaggerUiPageLoadsWithItsScriptsAndWithoutTheStrictContentSecurityPolicy() {
        client.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/swagger-ui/index.html");

        String html = client.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().doesNotExist("Content-Security-Policy")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("<div id=\"swagger-ui\">", "swagger-ui-bundle.js", "swagger-initializer.js");

        for (String asset : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css", "index.css")) {
            client.get().uri("/swagger-ui/" + asset).exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist("Content-Security-Policy");
        }
        String initializer = client.get().uri("/swagger-ui/swagger-initializer.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(initializer).contains("\"configUrl\" : \"/v3/api-docs/swagger-config\"");
    }

    @Test
    void swaggerUiConfigListsTheThreeServiceDocumentsThroughTheGateway() {
        JsonNode config = json(client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody());

        Set<String> urls = new LinkedHashSet<>();
        config.get("urls").forEach(entry -> urls.add(entry.get("name").asString() + " -> " + entry.get("url").asString()));
        assertThat(urls).containsExactlyInAnyOrder(
                "Partnerships -> /v3/api-docs/partnerships",
                "Cooperation events -> /v3/api-docs/events",
                "Business matching -> /v3/api-docs/matching");
        assertThat(config.get("urls.primaryName").asString()).isEqualTo("Partnerships");
        assertThat(SERVICE.requests).as("the config is the gateway's own, never proxied")
                .doesNotContain("/v3/api-docs/swagger-config");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/gateway" })
    void theGatewayGeneratesNoOpenApiDocumentOfItsOwn(String path) {
        client.get().uri(path).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v3/api-docs/partnerships", "/v3/api-docs/matching" })
    void aProxiedDocumentNamesTheGatewayAsItsServer(String path) {
        JsonNode document = json(client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(document.get("servers")).hasSize(1);
        assertThat(document.get("servers").get(0).get("url").asString()).isEqualTo("/");
        assertThat(document.toString()).doesNotContain(SERVICE.url());
        assertThat(document.get("paths").has("/api/v1/partnerships")).as("the rest is the service's").isTrue();
        assertThat(document.get("info").get("title").asString()).isEqualTo("Stand-in service");
        assertThat(document.get("info").get("description").asString())
                .startsWith("What the service says.")
                .contains("[AsyncAPI document](/asyncapi/asyncapi.yaml)");
        assertThat(SERVICE.requests).contains("/v3/api-docs");
    }

    @Test
    void aServiceErrorOnTheDocumentPassesThroughUnchanged() {
        String body = client.get().uri("/v3/api-docs/events").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).isEqualTo(FAILING_SERVICE.document());
    }

    @Test
    void anythingButAnOpenApiDocumentIsLeftAlone() {
        assertThat(GatewayAsServer.rewrite("not json")).isEqualTo("not json");
        assertThat(GatewayAsServer.rewrite("{\"servers\":[{\"url\":\"http://internal:8081\"}]}"))
                .isEqualTo("{\"servers\":[{\"url\":\"http://internal:8081\"}]}");
        assertThat(GatewayAsServer.rewrite("[1,2]")).isEqualTo("[1,2]");
        assertThat(json(GatewayAsServer.rewrite("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\"}}"))
                .get("info").get("description").asString()).isEqualTo(GatewayAsServer.ASYNCAPI_LINK);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/asyncapi.yaml", "/asyncapi/asyncapi.yaml" })
    void theAsyncApiCatalogueIsServed(String path) {
        String asyncApi = client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_YAML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(asyncApi).contains("asyncapi: 3.0.0", "address: partnership.partnership");

        client.head().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_YAML)
                .expectBody().isEmpty();
    }

    @Test
    void everyRelativeReferenceOfTheAsyncApiDocumentResolves() {
        URI document = URI.create(IntegrationEventsDocumentation.RESOLVABLE_DOCUMENT_PATH);
        String asyncApi = client.get().uri(document.getPath()).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        Set<String> referenced = new LinkedHashSet<>();
        Matcher refs = Pattern.compile("\\$ref: '(schemas/[^'#]+)'|summary: The golden sample (samples/\\S+\\.json)").matcher(asyncApi);
        while (refs.find()) {
            referenced.add(refs.group(1) != null ? refs.group(1) : refs.group(2));
        }
        assertThat(referenced).contains("schemas/envelope.v1.json", "schemas/partnership.PartnershipEstablished.v1.json",
                "samples/partnership.PartnershipEstablished.v1.json");

        for (String reference : referenced) {
            // Resolved as a tool resolves it: against the document's own URL.
            String body = client.get().uri(document.resolve(reference).getPath()).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(json(body).isObject()).as(reference).isTrue();
        }
    }

    /**
     * The document exactly as the gateway serves it, read by the official AsyncAPI parser from its URL, as a
     * partner's generator would: its relative references are fetched from the gateway too.
     */
    @Test
    void theOfficialAsyncApiParserAcceptsTheServedDocument() {
        String url = "http://localhost:" + port + IntegrationEventsDocumentation.RESOLVABLE_DOCUMENT_PATH;
        assertThat(ContractLintTool.check("asyncapi", url)).contains("AsyncAPI 3.0.0, 0 errors, 0 warnings");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/asyncapi/../application.yml", "/asyncapi/schemas/../../application.yml",
            "/asyncapi/schemas/%2e%2e/%2e%2e/application.yml", "/asyncapi/schemas/..%2F..%2Fapplication.yml",
            "/asyncapi/schemas/..%5Casyncapi.yaml" })
    void pathsLeavingTheDocumentFolderAreRefused(String path) {
        client.get().uri(URI.create("http://localhost:" + port + path)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/asyncapi/", "/asyncapi/schemas", "/asyncapi/schemas/", "/asyncapi/samples/",
            "/asyncapi/schemas/application.yml", "/asyncapi/schemas/asyncapi.yaml", "/asyncapi/asyncapi.json",
            "/asyncapi/schemas/envelope.v1.json/x", "/integration-events/asyncapi.yaml", "/application.yml",
            "/asyncapi/other/envelope.v1.json" })
    void nothingElseIsServedAndNoFolderIsListed(String path) {
        client.get().uri(URI.create("http://localhost:" + port + path)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /**
     * A stand-in service answering {@code /v3/api-docs} with a small OpenAPI document whose server is its
     * own URL, as springdoc generates it from the request it received.
     */
    static final class OpenApiService implements AutoCloseable {

        final List<String> requests = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final int status;

        private OpenApiService(int status, String contentType) throws IOException {
            this.status = status;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    requests.add(exchange.getRequestURI().getRawPath());
                    byte[] body = document().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", contentType);
                    exchange.sendResponseHeaders(status, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
        }

        static OpenApiService start(int status, String contentType) {
            try {
                return new OpenApiService(status, contentType);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the stand-in service", e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        String document() {
            if (status != 200) {
                return "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,\"openapi\":\"not really\"}";
            }
            return """
                    {"openapi":"3.1.0",
                     "info":{"title":"Stand-in service","version":"v1","description":"What the service says."},
                     "servers":[{"url":"%s","description":"Generated server url"}],
                     "paths":{"/api/v1/partnerships":{"get":{"responses":{"200":{"description":"OK"}}}}}}
                    """.formatted(url());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
