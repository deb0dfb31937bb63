package org.urbancooperation.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.testing.ContractLintTool;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI document partners read must list every topic and every message type, and only those, show
 * each type's golden sample as its example, and pass the official AsyncAPI parser.
 */
class AsyncApiDocumentTest {

    private static final String BASE = "integration-events/";

    private final IntegrationEventSchemas schemas = new IntegrationEventSchemas(new IntegrationEventMapper());

    @Test
    void isAnAsyncApi3DocumentListingEveryTypeOnItsTopic() throws IOException {
        JsonNode doc = read();

        assertThat(doc.path("asyncapi").asString()).startsWith("3.");
        List<String> documented = new ArrayList<>();
        for (JsonNode channel : doc.path("channels")) {
            String address = channel.path("address").asString();
            for (JsonNode ref : channel.path("messages")) {
                JsonNode message = resolve(doc, ref.path("$ref").asString());
                String name = message.path("name").asString();
                // Versions share a name: the payload schema's file says which version a message is.
                java.util.regex.Matcher schemaVersion = java.util.regex.Pattern.compile("\\.v([0-9]+)\\.json$")
                        .matcher(message.at("/payload/allOf/1/properties/payload/$ref").asString());
                assertThat(schemaVersion.find()).as("the payload schema of " + name + " names its version").isTrue();
                int version = Integer.parseInt(schemaVersion.group(1));
                documented.add(name + " v" + version);
                IntegrationEventType type = IntegrationEventType.byName(name, version).orElseThrow(
                        () -> new AssertionError("documented message " + name + " v" + version
                                + " is not in the catalogue"));
                assertThat(message.path("title").asString()).as("title of " + name).endsWith("(v" + version + ")");
                assertThat(address).as("topic of " + name).isEqualTo(type.topic());
                assertThat(message.at("/payload/allOf/1/properties/payload/$ref").asString())
                        .isEqualTo(type.schemaResource().substring(BASE.length()));
                assertThat(message.path("examples")).as("examples of " + name).hasSize(1);
                JsonNode example = message.at("/examples/0");
                assertThat(example.path("summary").asString()).as("summary of the example of " + name)
                        .contains(type.sampleResource().substring(BASE.length()));
                // The example is the golden sample itself, so generated code and docs show real data.
                assertThat(example.path("payload")).as("example of " + name + " must equal "
                        + type.sampleResource() + " (copy the sample into the document)").isEqualTo(readJson(type.sampleResource()));
                assertThat(schemas.violations(example.path("payload"))).as("example of " + name).isEmpty();
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(IntegrationEventType.values()).map(t -> t.typeName() + " v" + t.version())
                        .toList());
    }

    /** The official AsyncAPI parser (the one generators and AsyncAPI Studio use) must accept the file as stored. */
    @Test
    void theOfficialParserAcceptsTheDocumentWithoutErrorsOrWarnings() {
        Path document = Path.of("src/main/resources", BASE, "asyncapi.yaml").toAbsolutePath();
        assertThat(document).isRegularFile();
        String report = ContractLintTool.check("asyncapi", document.toString());
        assertThat(report).contains("AsyncAPI 3.0.0, 0 errors, 0 warnings");
    }

    @Test
    void everyOperationPointsAtADeclaredChannel() throws IOException {
        JsonNode doc = read();
        assertThat(doc.path("operations").size()).isPositive();
        for (JsonNode operation : doc.path("operations")) {
            assertThat(resolve(doc, operation.at("/channel/$ref").asString()).isMissingNode()).isFalse();
        }
    }

    @Test
    void everyReferencedFileExists() throws IOException {
        String text = new String(stream(BASE + "asyncapi.yaml").readAllBytes());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(schemas|samples)/[A-Za-z.0-9]+\\.json").matcher(text);
        int found = 0;
        while (m.find()) {
            found++;
            try (InputStream in = stream(BASE + m.group())) {
                assertThat(in).as(m.group()).isNotNull();
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(IntegrationEventType.values().length * 2);
    }

    private static JsonNode resolve(JsonNode doc, String ref) {
        assertThat(ref).startsWith("#/");
        return doc.at(ref.substring(1));
    }

    private static JsonNode readJson(String resource) throws IOException {
        try (InputStream in = stream(resource)) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    private static JsonNode read() throws IOException {
        try (InputStream in = stream(BASE + "asyncapi.yaml")) {
            return new YAMLMapper().readTree(in);
        }
    }

    private static InputStream stream(String resource) {
        return AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(resource);
    }
}
