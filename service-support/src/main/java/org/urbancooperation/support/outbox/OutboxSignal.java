package org.urbancooperation.support.outbox;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

/**
 * Tells the relay which document just received events, so it publishes them now, claiming that
 * document by {@code _id}, instead of at its next safety-net pass.
 */
@FunctionalInterface
public interface OutboxSignal {

    /**
     * @param collection the aggregate collection written to
     * @param id the {@code _id} of the document whose outbox received events
     * @param events how many events were appended
     */
    void eventsWritten(MongoCollection<Document> collection, Object id, int events);
}
