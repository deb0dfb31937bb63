package org.urbancooperation.support.outbox;

/** Tells the relay that events were just written, so it publishes now instead of at its next poll. */
@FunctionalInterface
public interface OutboxSignal {

    void eventsWritten();
}
