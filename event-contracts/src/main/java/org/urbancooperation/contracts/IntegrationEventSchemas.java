package org.urbancooperation.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * JSON Schema (2020-12) validation of envelopes and payloads, with the networknt validator.
 * Producers' tests and every consumer use it; schemas are loaded once.
 */
public final class IntegrationEventSchemas {

    public static final String ENVELOPE_SCHEMA = "integration-events/schemas/envelope.v1.json";

    private final IntegrationEventMapper mapper;
    private final Schema envelopeSchema;
    private final Map<IntegrationEventType, Schema> payloadSchemas = new EnumMap<>(IntegrationEventType.class);

    public IntegrationEventSchemas(IntegrationEventMapper mapper) {
        this.mapper = mapper;
        // 2020-12 treats "format" as an annotation unless told otherwise; dates and UUIDs must be checked.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        this.envelopeSchema = load(registry, ENVELOPE_SCHEMA);
        for (IntegrationEventType type : IntegrationEventType.values()) {
            payloadSchemas.put(type, load(registry, type.schemaResource()));
        }
    }

    /** Violations of the envelope schema and of the payload schema of its type; empty when valid. */
    public List<String> violations(JsonNode envelopeTree) {
        List<String> violations = new ArrayList<>(describe("envelope", envelopeSchema.validate(envelopeTree)));
        if (!violations.isEmpty()) {
            return violations;
        }
        String typeName = envelopeTree.path("type").asString();
        int version = envelopeTree.path("version").asInt();
        IntegrationEventType type = IntegrationEventType.byName(typeName, version).orElse(null);
        if (type == null) {
            return List.of("type: unknown integration event " + typeName + " v" + version);
        }
        violations.addAll(describe("payload", payloadSchemas.get(type).validate(envelopeTree.path("payload"))));
        return violations;
    }

    public List<String> violations(EventEnvelope envelope) {
        return violations(mapper.toTree(envelope));
    }

    /** @throws InvalidIntegrationEventException listing every violation */
    public void requireValid(EventEnvelope envelope) {
        List<String> violations = violations(envelope);
        if (!violations.isEmpty()) {
            throw new InvalidIntegrationEventException(envelope.type() + " " + envelope.eventId() + " is invalid",
                    violations);
        }
    }

    private static List<String> describe(String part, List<Error> errors) {
        return errors.stream().map(e -> part + e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static Schema load(SchemaRegistry registry, String resource) {
        try (InputStream in = IntegrationEventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + resource);
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
