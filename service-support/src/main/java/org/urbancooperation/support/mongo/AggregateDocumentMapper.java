package org.urbancooperation.support.mongo;

import org.bson.Document;

/**
 * Maps one aggregate type to and from the state part of its document. The store owns the fields
 * {@code _id}, {@code version}, {@code outbox}, {@code outboxLease}, {@code outboxSince} and
 * {@code outboxSeq}; the mapper must not write them.
 */
public interface AggregateDocumentMapper<A> {

    /** The document id; also the Kafka key of the aggregate's events. */
    String id(A aggregate);

    Document toDocument(A aggregate);

    A fromDocument(Document document);
}
