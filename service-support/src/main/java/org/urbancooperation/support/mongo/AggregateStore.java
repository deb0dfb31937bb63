package org.urbancooperation.support.mongo;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.outbox.OutboxEntries;
import org.urbancooperation.support.outbox.OutboxSignal;
import org.urbancooperation.support.paging.Cursors;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

/**
 * Stores aggregates of one type, one document each, with a transactional outbox inside the document:
 * the new state, the version increment and the events it raised are written by ONE insert or ONE
 * {@code updateOne} filtered on the expected version. No multi-document transaction is needed, so it
 * works on a MongoDB replica set and on mongo-java-server alike; a lost race is a conflict, never a
 * lost update.
 */
public final class AggregateStore<A> {

    public static final String ID = "_id";
    public static final String VERSION = "version";
    /** Reads of one document before a torn read is taken for an outside writer (see {@link StateCheck}). */
    private static final int TORN_READ_ATTEMPTS = 100;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AggregateStore.class);

    private final MongoCollection<Document> collection;
    private final String resourceName;
    private final AggregateDocumentMapper<A> mapper;
    private final OutboxEntries outboxEntries;
    private final OutboxSignal outboxSignal;

    public AggregateStore(MongoCollection<Document> collection, String resourceName, AggregateDocumentMapper<A> mapper,
            OutboxEntries outboxEntries, OutboxSignal outboxSignal) {
        this.collection = collection;
        this.resourceName = resourceName;
        this.mapper = mapper;
        this.outboxEntries = outboxEntries;
        this.outboxSignal = outboxSignal;
        // Sparse: only documents with pending events are in it, so the relay's safety-net query stays
        // small however many aggregates there are. (mongo-java-server ignores it; MongoDB uses it.)
        // The two unique indexes that start with _id are for mongo-java-server, which uses an index only
        // when the query's fields are exactly its keys and the index is unique: they make the
        // optimistic-locking write {_id, version} and the relay's lease compare-and-set
        // {_id, outboxLease.round} point lookups instead of collection scans. (On MongoDB the _id
        // index already serves both; these cost an index entry per document.)
        collection.createIndexes(List.of(
                new IndexModel(Indexes.ascending(OutboxEntries.PENDING_SINCE_FIELD, OutboxEntries.PENDING_SEQUENCE_FIELD),
                        new IndexOptions().sparse(true)),
                new IndexModel(Indexes.ascending(ID, VERSION), new IndexOptions().unique(true)),
                new IndexModel(Indexes.ascending(ID, OutboxEntries.LEASE_ROUND_FIELD), new IndexOptions().unique(true))));
    }

    public Optional<Versioned<A>> find(String id) {
        return Optional.ofNullable(read(id)).map(d -> new Versioned<>(mapper.fromDocument(d), versionOf(d)));
    }

    /** The document, read again while a read is torn ({@link StateCheck}); null when absent. */
    private Document read(String id) {
        for (int attempt = 1; ; attempt++) {
            Document document = collection.find(eq(ID, id)).first();
            if (document == null || StateCheck.holds(document, collection.getCodecRegistry())) {
                return document;
            }
            if (attempt == TORN_READ_ATTEMPTS) {
                // A write takes microseconds: a check that still fails was not torn by a write in flight but edited
                // outside this store (a migration, an operator's fix); the document is what there is.
                log.warn("{} {} does not match its state check after {} reads; taking it as stored", resourceName, id,
                        attempt);
                return document;
            }
            Thread.onSpinWait();
        }
    }

    /** A document of a list, or the same document read again by id when the list's copy is torn. */
    private Versioned<A> versioned(Document listed) {
        Document document = StateCheck.holds(listed, collection.getCodecRegistry()) ? listed
                : read(listed.get(ID).toString());
        return new Versioned<>(mapper.fromDocument(document), versionOf(document));
    }

    /** @throws NotFoundException when absent */
    public Versioned<A> get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException(resourceName, id));
    }

    /** Stores a new aggregate at version 1 with its first events. */
    public Versioned<A> insert(A aggregate, List<? extends IntegrationEvent> events) {
        Document document = stateOf(aggregate);
        document.put(ID, mapper.id(aggregate));
        document.put(VERSION, 1L);
        document.put(StateCheck.FIELD, StateCheck.of(document, 1L, collection.getCodecRegistry()));
        List<Document> entries = outboxEntries.entries(events, 1L);
        document.put(OutboxEntries.FIELD, entries);
        if (!events.isEmpty()) {
            document.put(OutboxEntries.PENDING_SINCE_FIELD, outboxEntries.now());
            document.put(OutboxEntries.PENDING_SEQUENCE_FIELD, OutboxEntries.sequenceOf(entries.get(0)));
        }
        try {
            collection.insertOne(document);
        } catch (MongoException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                throw new ConcurrentModificationConflict(resourceName + " " + mapper.id(aggregate) + " already exists",
                        false);
            }
            throw e;
        }
        signal(mapper.id(aggregate), events);
        return new Versioned<>(aggregate, 1L);
    }

    /**
     * Replaces the state of an aggregate read at {@code readVersion}, appending its new events.
     *
     * @param expected what the caller said it expects (If-Match); decides 409 or 412 on a conflict
     */
    public Versioned<A> update(A aggregate, long readVersion, ExpectedVersion expected,
            List<? extends IntegrationEvent> events) {
        long nextVersion = readVersion + 1;
        Document state = stateOf(aggregate);
        state.put(VERSION, nextVersion);
        state.put(StateCheck.FIELD, StateCheck.of(state, nextVersion, collection.getCodecRegistry()));
        List<Bson> updates = new ArrayList<>();
        updates.add(new Document("$set", state));
        if (!events.isEmpty()) {
            List<Document> entries = outboxEntries.entries(events, nextVersion);
            updates.add(Updates.pushEach(OutboxEntries.FIELD, entries));
            // $min keeps the time (and place) of events still waiting, and sets it when the outbox was empty.
            updates.add(Updates.min(OutboxEntries.PENDING_SINCE_FIELD, outboxEntries.now()));
            updates.add(Updates.min(OutboxEntries.PENDING_SEQUENCE_FIELD, OutboxEntries.sequenceOf(entries.get(0))));
        }
        String id = mapper.id(aggregate);
        // A flat {_id, version} filter, the keys of a unique index: a point lookup on mongo-java-server too
        // (Filters.and renders $and, which it can only answer by scanning the collection).
        UpdateResult result = collection.updateOne(new Document(ID, id).append(VERSION, readVersion),
                Updates.combine(updates));
        if (result.getMatchedCount() == 0) {
            if (collection.find(eq(ID, id)).projection(new Document(ID, 1)).first() == null) {
                throw new NotFoundException(resourceName, id);
            }
            throw new ConcurrentModificationConflict(resourceName + " " + id + " was changed by someone else since version "
                    + readVersion + "; read it again and retry", expected.isGiven());
        }
        signal(id, events);
        return new Versioned<>(aggregate, nextVersion);
    }

    /**
     * The filter of a list whose filters are each optional: all of {@code conditions}, or every document when there
     * are none (Mongo's {@code $and} refuses an empty list).
     */
    public static Bson allOf(List<Bson> conditions) {
        return conditions.isEmpty() ? new Document() : conditions.size() == 1 ? conditions.get(0)
                : Filters.and(conditions);
    }

    /**
     * A page of the aggregates matching {@code filter}, in {@code _id} order (keyset: the ids after the request's
     * cursor), with the cursor of the next page when there may be more. One query of {@code limit + 1} documents
     * whatever page it is, and no item is skipped or repeated when others are inserted or changed between pages.
     */
    public Page<Versioned<A>> page(Bson filter, PageRequest request) {
        Bson where = request.isFirst() ? filter : Filters.and(filter, Filters.gt(ID, request.after()));
        List<Versioned<A>> items = new ArrayList<>();
        String lastId = null;
        boolean more = false;
        for (Document d : collection.find(where).sort(Sorts.ascending(ID)).limit(request.limit() + 1)) {
            if (items.size() == request.limit()) {
                more = true;
                break;
            }
            items.add(versioned(d));
            lastId = d.get(ID).toString();
        }
        return new Page<>(items, more ? Cursors.after(lastId) : null);
    }

    /** A page of aggregates matching {@code filter}, in {@code sort} order. */
    public List<Versioned<A>> list(Bson filter, Bson sort, int offset, int limit) {
        List<Versioned<A>> page = new ArrayList<>();
        collection.find(filter).sort(sort).skip(offset).limit(limit)
                .forEach(d -> page.add(versioned(d)));
        return page;
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    private Document stateOf(A aggregate) {
        Document state = new Document(mapper.toDocument(aggregate));
        for (String reserved : List.of(ID, VERSION, StateCheck.FIELD, OutboxEntries.FIELD, OutboxEntries.LEASE_FIELD,
                OutboxEntries.PENDING_SINCE_FIELD, OutboxEntries.PENDING_SEQUENCE_FIELD)) {
            if (state.containsKey(reserved)) {
                throw new IllegalStateException(mapper.getClass().getSimpleName() + " must not write field " + reserved);
            }
        }
        return state;
    }

    private void signal(String id, List<? extends IntegrationEvent> events) {
        if (!events.isEmpty()) {
            outboxSignal.eventsWritten(collection, id, events.size());
        }
    }

    private static long versionOf(Document document) {
        return ((Number) document.get(VERSION)).longValue();
    }
}
