package org.urbancooperation.support.mongo;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.urbancooperation.support.messaging.HandlingOutcome;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

/**
 * Idempotent writes for consumers: each applies an integration event's effect at most once, in the
 * same single-document write that records it was applied, so a redelivered event changes nothing.
 *
 * <p>Every query here is a point lookup however many documents the collection holds, on
 * mongo-java-server too: it uses an index only when the query's fields are exactly the keys of a
 * unique index (a {@code $ne}, {@code $lt} or {@code $or} next to {@code _id} scans the whole
 * collection). So each write reads the document by {@code _id}, decides, and writes with a
 * compare-and-set on {@code {_id, <bookkeeping field>}} backed by a unique index that starts with
 * {@code _id} (created once per collection); a lost race reads again.
 */
public final class ReadModelWrites {

    public static final String AGGREGATE_VERSION = "aggregateVersion";
    public static final String PROCESSED_EVENT_IDS = "processedEventIds";
    /** How many events {@link #applyOnce} applied to a document: its compare-and-set token. */
    public static final String PROCESSED_EVENT_COUNT = "processedEventCount";
    /** How many event ids a document remembers; older duplicates are not expected after that many newer events. */
    public static final int REMEMBERED_EVENT_IDS = 500;
    private static final int MAX_ATTEMPTS = 100;
    private static final Set<String> INDEXED = ConcurrentHashMap.newKeySet();

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
        ensureIndex(collection, AGGREGATE_VERSION);
        Document set = new Document(fields).append(AGGREGATE_VERSION, aggregateVersion);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document current = collection.find(new Document("_id", id))
                    .projection(Projections.include(AGGREGATE_VERSION)).first();
            Object stored = current == null ? null : current.get(AGGREGATE_VERSION);
            if (stored instanceof Number number && number.longValue() >= aggregateVersion) {
                return HandlingOutcome.STALE;
            }
            if (compareAndSet(collection, id, AGGREGATE_VERSION, stored, new Document("$set", set))) {
                return HandlingOutcome.APPLIED;
            }
        }
        throw new IllegalStateException("Document " + id + " kept changing while applying version " + aggregateVersion);
    }

    /**
     * Applies {@code update} (e.g. an {@code $inc}) to document {@code id} once per event id,
     * creating the document if absent.
     *
     * @return APPLIED, or DUPLICATE when this event was applied before
     */
    public static HandlingOutcome applyOnce(MongoCollection<Document> collection, Object id, UUID eventId,
            Bson update) {
        ensureIndex(collection, PROCESSED_EVENT_COUNT);
        String eventKey = eventId.toString();
        Bson remember = Updates.pushEach(PROCESSED_EVENT_IDS, List.of(eventKey),
                new PushOptions().slice(-REMEMBERED_EVENT_IDS));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document current = collection.find(new Document("_id", id))
                    .projection(Projections.include(PROCESSED_EVENT_IDS, PROCESSED_EVENT_COUNT)).first();
            List<String> processed = current == null ? null : current.getList(PROCESSED_EVENT_IDS, String.class);
            if (processed != null && processed.contains(eventKey)) {
                return HandlingOutcome.DUPLICATE;
            }
            Object count = current == null ? null : current.get(PROCESSED_EVENT_COUNT);
            long next = count instanceof Number number ? number.longValue() + 1 : 1;
            if (compareAndSet(collection, id, PROCESSED_EVENT_COUNT, count,
                    Updates.combine(update, remember, Updates.set(PROCESSED_EVENT_COUNT, next)))) {
                return HandlingOutcome.APPLIED;
            }
        }
        throw new IllegalStateException("Document " + id + " kept changing while applying event " + eventKey);
    }

    /**
     * Writes {@code update} to document {@code id} if {@code field} still holds {@code expected}
     * ({@code null}: absent, or no document, which the upsert then creates).
     *
     * @return false when another write came first (no match, or the upsert met the existing document)
     */
    private static boolean compareAndSet(MongoCollection<Document> collection, Object id, String field, Object expected,
            Bson update) {
        try {
            UpdateResult result = collection.updateOne(new Document("_id", id).append(field, expected), update,
                    new UpdateOptions().upsert(true));
            return result.getMatchedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private static void ensureIndex(MongoCollection<Document> collection, String field) {
        String key = collection.getNamespace().getFullName() + "/" + field;
        if (INDEXED.contains(key)) {
            return;
        }
        collection.createIndex(Indexes.ascending("_id", field), new IndexOptions().unique(true));
        INDEXED.add(key);
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
