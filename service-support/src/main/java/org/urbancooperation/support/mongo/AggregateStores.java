package org.urbancooperation.support.mongo;

import org.urbancooperation.support.outbox.OutboxEntries;
import org.urbancooperation.support.outbox.OutboxRelay;

import com.mongodb.client.MongoDatabase;

/** Creates aggregate stores whose outboxes the service's relay publishes. */
public final class AggregateStores {

    private final MongoDatabase database;
    private final OutboxEntries outboxEntries;
    private final OutboxRelay relay;

    public AggregateStores(MongoDatabase database, OutboxEntries outboxEntries, OutboxRelay relay) {
        this.database = database;
        this.outboxEntries = outboxEntries;
        this.relay = relay;
    }

    /**
     * @param collectionName one collection per aggregate type
     * @param resourceName how errors name the aggregate, e.g. "Partnership"
     */
    public <A> AggregateStore<A> create(String collectionName, String resourceName, AggregateDocumentMapper<A> mapper) {
        var collection = database.getCollection(collectionName);
        relay.register(collection);
        return new AggregateStore<>(collection, resourceName, mapper, outboxEntries, relay);
    }
}
