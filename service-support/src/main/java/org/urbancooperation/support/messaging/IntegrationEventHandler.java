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

    /** A handler from a function, for the usual one-line handlers. */
    static <T extends IntegrationEvent> IntegrationEventHandler<T> of(Class<T> eventClass,
            java.util.function.BiFunction<T, EventEnvelope, HandlingOutcome> handle) {
        return new IntegrationEventHandler<>() {
            @Override
            public Class<T> eventClass() {
                return eventClass;
            }

            @Override
            public HandlingOutcome handle(T event, EventEnvelope envelope) {
                return handle.apply(event, envelope);
            }
        };
    }
}
