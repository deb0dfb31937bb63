package org.urbancooperation.support.messaging;

import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEvent;

/**
 * Consumes one integration event type. Declare implementations as beans: the platform subscribes to
 * their topics, validates each record against the contract's schema, maps the payload and calls
 * {@link #handle}. Handlers must be idempotent ({@code ReadModelWrites} does it in one write); an
 * exception is retried with back-off, then the record goes to the dead-letter topic.
 */
public interface IntegrationEventHandler<T extends IntegrationEvent> {

    Class<T> eventClass();

    HandlingOutcome handle(T event, EventEnvelope envelope);
}
