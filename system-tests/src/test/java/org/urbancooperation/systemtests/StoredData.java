package org.urbancooperation.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * Every document of every database of the stack's Mongo, read with the plain driver: what the services
 * stored, to compare before and after a request. Fields that change by themselves are left out: the
 * outbox relay's bookkeeping ({@code outbox}, {@code outboxLease}, {@code outboxSince}, {@code outboxSeq}, see
 * service-support's AggregateStore, OutboxEntries and OutboxRelay) and consumers' bookkeeping
 * ({@code processedEventIds}, {@code aggregateVersion}, see ReadModelWrites).
 */
final class StoredData implements AutoCloseable {

    static final Set<String> SELF_CHANGING_FIELDS = Set.of("outbox", "outboxLease", "outboxSince",
            "outboxSeq", "processedEventIds", "processedEventCount", "aggregateVersion");
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    /** Documents by {@code database.collection/_id}, as canonical JSON; and how many still have events to publish. */
    record Snapshot(Map<String, Document> documents, int pendingOutboxes) {
    }

    private final MongoClient client;

    StoredData(String uri) {
        this.client = MongoClients.create(uri);
    }

    Snapshot snapshot() {
        Map<String, Document> documents = new TreeMap<>();
        int pending = 0;
        for (String databaseName : client.listDatabaseNames()) {
            if (SYSTEM_DATABASES.contains(databaseName)) {
                continue;
            }
            MongoDatabase database = client.getDatabase(databaseName);
            for (String collection : database.listCollectionNames()) {
                if (collection.startsWith("system.")) {
                    continue;
                }
                for (Document document : database.getCollection(collection).find()) {
                    Object outbox = document.get("outbox");
                    if (document.containsKey("outboxSince") || (outbox instanceof List<?> list && !list.isEmpty())) {
                        pending++;
                    }
                    SELF_CHANGING_FIELDS.forEach(document::remove);
                    documents.put(databaseName + "." + collection + "/" + document.get("_id"), document);
                }
            }
        }
        return new Snapshot(documents, pending);
    }

    /** What changed from {@code before} to {@code after}, one line per document; empty when nothing did. */
    static List<String> diff(Snapshot before, Snapshot after) {
        List<String> changes = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(before.documents().keySet());
        keys.addAll(after.documents().keySet());
        for (String key : keys) {
            Document was = before.documents().get(key);
            Document is = after.documents().get(key);
            if (was == null) {
                changes.add("added " + key + " " + excerpt(is.toJson(JSON)));
            } else if (is == null) {
                changes.add("removed " + key);
            } else if (!was.equals(is)) {
                List<String> fields = new ArrayList<>();
                Set<String> names = new LinkedHashSet<>(was.keySet());
                names.addAll(is.keySet());
                for (String name : names) {
                    if (!Objects.equals(was.get(name), is.get(name))) {
                        fields.add(name + ": " + excerpt(String.valueOf(json(was.get(name)))) + " -> "
                                + excerpt(String.valueOf(json(is.get(name)))));
                    }
                }
                changes.add("changed " + key + " " + String.join("; ", fields));
            }
        }
        return changes;
    }

    private static Object json(Object value) {
        if (value instanceof Document document) {
            return document.toJson(JSON);
        }
        return value;
    }

    private static String excerpt(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }

    @Override
    public void close() {
        client.close();
    }
}
