package org.urbancooperation.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * The one wire format of every integration event: routing and tracing fields around a typed payload.
 *
 * <p>Field names follow the catalogue; the Kafka headers repeat them with CloudEvents 1.0
 * attribute names ({@link KafkaHeaders}) so partners' tooling can route without parsing the body.
 *
 * @param eventId unique per event; consumers deduplicate on it
 * @param type stable name such as {@code partnership.PartnershipEstablished}
 * @param version payload schema version of that type; additive changes keep it
 * @param aggregateVersion version of the aggregate after the change; read models skip older ones
 * @param payload the event body, validated against {@code schemas/<type>.v<version>.json}
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        String producer,
        String correlationId,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(payload, "payload");
    }
}
