package org.urbancooperation.contracts;

/**
 * Marker for the payload records of integration events. Each implementation is listed in
 * {@link IntegrationEventType}, which gives its wire name, version and topic.
 */
public interface IntegrationEvent {

    /** The id of the aggregate that raised the event; also the Kafka record key. */
    String aggregateId();
}
