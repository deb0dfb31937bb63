package org.urbancooperation.contracts;

import java.time.Clock;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production JSON mapping of integration events, used by every producer and consumer and by
 * the contract tests. Jackson 3; unknown fields are ignored so that additive changes to a payload
 * never break an older consumer.
 */
public final class IntegrationEventMapper {

    private final JsonMapper json;

    public IntegrationEventMapper() {
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /** Wraps a payload in a new envelope with a fresh event id. */
    public EventEnvelope envelope(IntegrationEvent payload, long aggregateVersion, String producer,
            String correlationId, Clock clock) {
        IntegrationEventType type = IntegrationEventType.of(payload);
        return new EventEnvelope(UUID.randomUUID(), type.typeName(), type.version(), clock.instant(),
                type.aggregateType(), payload.aggregateId(), aggregateVersion, producer, correlationId,
                json.valueToTree(payload));
    }

    public byte[] toBytes(EventEnvelope envelope) {
        return json.writeValueAsBytes(envelope);
    }

    public String toJson(EventEnvelope envelope) {
        return json.writeValueAsString(envelope);
    }

    /** @throws InvalidIntegrationEventException when the bytes are not an envelope */
    public EventEnvelope fromBytes(byte[] bytes) {
        try {
            JsonNode tree = json.readTree(bytes);
            return fromTree(tree);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidIntegrationEventException("not an integration event envelope: " + e.getMessage(), e);
        }
    }

    /** @throws InvalidIntegrationEventException when the tree is not an envelope */
    public EventEnvelope fromTree(JsonNode tree) {
        try {
            return json.treeToValue(tree, EventEnvelope.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidIntegrationEventException("not an integration event envelope: " + e.getMessage(), e);
        }
    }

    public JsonNode toTree(EventEnvelope envelope) {
        return json.valueToTree(envelope);
    }

    /** @throws InvalidIntegrationEventException when the payload does not map to the record */
    public <T extends IntegrationEvent> T payload(EventEnvelope envelope, Class<T> payloadClass) {
        try {
            return json.treeToValue(envelope.payload(), payloadClass);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidIntegrationEventException(
                    envelope.type() + " payload does not match its contract: " + e.getMessage(), e);
        }
    }

    public JsonMapper jsonMapper() {
        return json;
    }
}
