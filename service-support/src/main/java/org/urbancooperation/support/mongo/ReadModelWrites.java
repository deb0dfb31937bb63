package org.urbancooperation.support.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.urbancooperation.support.messaging.HandlingOutcome;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Idempotent writes for consumers: each applies an integration event's effect at most once, in the
 * same single-document write that records it was applied, so a redelivered event changes nothing.
 */
public final class ReadModelWrites {

    public static final String AGGREGATE_VERSION = "aggregateVersion";
    public static final String PROCESSED_EVENT_IDS = "processedEventIds";
    /** How many event ids a document remembers; older duplicates are not expected after that many newer events. */
    public static final int REMEMBERED_EVENT_IDS = 500;

    private ReadModelWrites() {
    }

    /**
     * Replicates an aggregate's state: sets {@code fields} on document {@code id} if the event's
     * aggregate version is newer than the one stored (creating the document if absent).
     *
     * @return APPLIED, or STALE when the stored copy is as new or newer (a duplicate or an old event)
     */
    public static HandlingOutcome upsertIfNewer(MongoCollection<Document> collection, Object id,
            long aggregateVersion, Document fields) {
        Bson filter = and(eq("_id", id), or(exists(AGGREGATE_VERSION, false), lt(AGGREGATE_VERSION, aggregateVersion)));
        Document set = new Document(fields).append(AGGREGATE_VERSION, aggregateVersion);
        try {
            collection.updateOne(filter, new Document("$set", set), new UpdateOptions().upsert(true));
            return HandlingOutcome.APPLIED;
        } catch (MongoException e) {
            // The filter missed an existing document, so the upsert tried to insert the same _id.
            if (MongoErrors.isDuplicateKey(e)) {
                return HandlingOutcome.STALE;
            }
            throw e;
        }
    }

    /**
     * Applies {@code update} (e.g. an {@code $inc}) to document {@code id} once per event id,
     * creating the document if absent.
     *
     * @return APPLIED, or DUPLICATE when this event was applied before
     */
    public static HandlingOutcome applyOnce(MongoCollection<Document> collection, Object id, UUID eventId,
            Bson update) {
        String eventKey = eventId.toString();
        Bson remember = Updates.pushEach(PROCESSED_EVENT_IDS, List.of(eventKey),
                new PushOptions().slice(-REMEMBERED_EVENT_IDS));
        try {
            collection.updateOne(and(eq("_id", id), ne(PROCESSED_EVENT_IDS, eventKey)),
                    Updates.combine(update, remember), new UpdateOptions().upsert(true));
            return HandlingOutcome.APPLIED;
        } catch (MongoException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return HandlingOutcome.DUPLICATE;
            }
            throw e;
        }
    }

    /**
     * Creates a document whose id is derived from the event, so a redelivery finds it already there.
     *
     * @return APPLIED, or DUPLICATE when the document exists
     */
    public static HandlingOutcome insertOnce(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return HandlingOutcome.APPLIED;
        } catch (MongoException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return HandlingOutcome.DUPLICATE;
            }
            throw e;
        }
    }
}
