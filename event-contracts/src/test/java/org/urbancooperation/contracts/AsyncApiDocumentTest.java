package org.urbancooperation.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The AsyncAPI document partners read must list every topic and every message type, and only those. */
class AsyncApiDocumentTest {

    private static final String BASE = "integration-events/";

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
                documented.add(name);
                IntegrationEventType type = IntegrationEventType.byName(name, 1).orElseThrow(
                        () -> new AssertionError("documented message " + name + " is not in the catalogue"));
                assertThat(address).as("topic of " + name).isEqualTo(type.topic());
                assertThat(message.at("/payload/allOf/1/properties/payload/$ref").asString())
                        .isEqualTo(type.schemaResource().substring(BASE.length()));
                assertThat(message.at("/examples/0/summary").asString())
                        .isEqualTo(type.sampleResource().substring(BASE.length()));
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(IntegrationEventType.values()).map(IntegrationEventType::typeName).toList());
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

    private static JsonNode read() throws IOException {
        try (InputStream in = stream(BASE + "asyncapi.yaml")) {
            return new YAMLMapper().readTree(in);
        }
    }

    private static InputStream stream(String resource) {
        return AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(resource);
    }
}
