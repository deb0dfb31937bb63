package org.urbancooperation.support.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.UuidRepresentation;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import org.urbancooperation.support.testing.InMemoryMongo;

/**
 * Records the filters a piece of code sends to the Mongo server, to check that it only asks what
 * mongo-java-server answers through an index: a filter whose fields are exactly {@code _id} (an
 * equality or {@code $in}) or {@code _id} plus one equality field that a unique index {@code {_id, field}}
 * covers. Anything else is a collection scan there, whose cost grows with the collection.
 */
public final class QueryShapes implements CommandListener, AutoCloseable {

    private final List<String> filters = new ArrayList<>();
    private final MongoClient client;
    private volatile boolean recording;

    public QueryShapes() {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(InMemoryMongo.uri()))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .addCommandListener(this)
                .build());
    }

    public MongoClient client() {
        return client;
    }

    public void start() {
        synchronized (filters) {
            filters.clear();
        }
        recording = true;
    }

    /** The filters sent since {@link #start()}, as JSON, that are not point lookups. */
    public List<String> scans(Set<String> uniqueSecondFields) {
        recording = false;
        synchronized (filters) {
            return filters.stream().filter(f -> !isPointLookup(BsonDocument.parse(f), uniqueSecondFields)).toList();
        }
    }

    public int recorded() {
        synchronized (filters) {
            return filters.size();
        }
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!recording) {
            return;
        }
        BsonDocument command = event.getCommand();
        List<BsonDocument> found = new ArrayList<>();
        switch (event.getCommandName()) {
            case "find", "count", "delete" -> {
                if (command.containsKey("filter")) {
                    found.add(command.getDocument("filter"));
                }
            }
            case "findAndModify" -> found.add(command.getDocument("query"));
            case "update" -> command.getArray("updates").forEach(u -> found.add(u.asDocument().getDocument("q")));
            case "aggregate" -> found.add(new BsonDocument("$aggregate", command.get("pipeline")));
            default -> {
            }
        }
        synchronized (filters) {
            found.forEach(f -> filters.add(f.toJson()));
        }
    }

    private static boolean isPointLookup(BsonDocument filter, Set<String> uniqueSecondFields) {
        if (!filter.containsKey("_id") || filter.size() > 2) {
            return false;
        }
        BsonValue id = filter.get("_id");
        if (id.isDocument() && !(id.asDocument().size() == 1 && id.asDocument().containsKey("$in"))) {
            return false;
        }
        for (String key : filter.keySet()) {
            if (key.equals("_id")) {
                continue;
            }
            BsonValue value = filter.get(key);
            boolean operator = value.isDocument() && value.asDocument().keySet().stream().anyMatch(k -> k.startsWith("$"));
            if (!uniqueSecondFields.contains(key) || operator) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        client.close();
    }
}
