package org.urbancooperation.support.messaging;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventMapper;

/** Kafka (de)serializers of the envelope, both backed by the contracts' production mapper. */
public final class EventEnvelopeSerde {

    private EventEnvelopeSerde() {
    }

    public static Deserializer<EventEnvelope> deserializer(IntegrationEventMapper mapper) {
        return (topic, data) -> data == null ? null : mapper.fromBytes(data);
    }

    public static Serializer<EventEnvelope> serializer(IntegrationEventMapper mapper) {
        return (topic, envelope) -> envelope == null ? null : mapper.toBytes(envelope);
    }
}
