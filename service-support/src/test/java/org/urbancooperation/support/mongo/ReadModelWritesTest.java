package org.urbancooperation.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.testing.InMemoryMongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;

/** Consumers' idempotent writes on mongo-java-server: redelivery and reordering change nothing. */
class ReadModelWritesTest {

    private MongoCollection<Document> collection;

    @BeforeEach
    void setUp() {
        collection = InMemoryMongo.freshDatabase().getCollection("read_model");
    }

    @Test
    void upsertIfNewerAppliesNewerVersionsOnly() {
        assertThat(ReadModelWrites.upsertIfNewer(collection, "p1", 1, new Document("name", "v1")))
                .isEqualTo(HandlingOutcome.APPLIED);
        assertThat(ReadModelWrites.upsertIfNewer(collection, "p1", 3, new Document("name", "v3")))
                .isEqualTo(HandlingOutcome.APPLIED);
        assertThat(ReadModelWrites.upsertIfNewer(collection, "p1", 2, new Document("name", "v2")))
                .isEqualTo(HandlingOutcome.STALE);
        assertThat(ReadModelWrites.upsertIfNewer(collection, "p1", 3, new Document("name", "v3 again")))
                .isEqualTo(HandlingOutcome.STALE);

        Document stored = collection.find().first();
        assertThat(stored.getString("name")).isEqualTo("v3");
        assertThat(stored.getLong("aggregateVersion")).isEqualTo(3L);
        assertThat(collection.countDocuments()).isEqualTo(1);
    }

    @Test
    void applyOnceCountsEachEventOnce() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        assertThat(ReadModelWrites.applyOnce(collection, "p1", first, Updates.inc("events", 1)))
                .isEqualTo(HandlingOutcome.APPLIED);
        assertThat(ReadModelWrites.applyOnce(collection, "p1", first, Updates.inc("events", 1)))
                .isEqualTo(HandlingOutcome.DUPLICATE);
        assertThat(ReadModelWrites.applyOnce(collection, "p1", second, Updates.inc("events", 1)))
                .isEqualTo(HandlingOutcome.APPLIED);
        assertThat(ReadModelWrites.applyOnce(collection, "p1", second, Updates.inc("events", 1)))
                .isEqualTo(HandlingOutcome.DUPLICATE);

        assertThat(collection.find().first().getInteger("events")).isEqualTo(2);
    }

    @Test
    void applyOnceRemembersABoundedNumberOfEventIds() {
        for (int i = 0; i < ReadModelWrites.REMEMBERED_EVENT_IDS + 20; i++) {
            ReadModelWrites.applyOnce(collection, "p1", UUID.randomUUID(), Updates.inc("events", 1));
        }
        Document stored = collection.find().first();
        assertThat(stored.getInteger("events")).isEqualTo(ReadModelWrites.REMEMBERED_EVENT_IDS + 20);
        assertThat(stored.getList("processedEventIds", String.class)).hasSize(ReadModelWrites.REMEMBERED_EVENT_IDS);
    }

    @Test
    void insertOnceTreatsAnExistingDocumentAsDone() {
        assertThat(ReadModelWrites.insertOnce(collection, new Document("_id", "m1").append("n", 1)))
                .isEqualTo(HandlingOutcome.APPLIED);
        assertThat(ReadModelWrites.insertOnce(collection, new Document("_id", "m1").append("n", 2)))
                .isEqualTo(HandlingOutcome.DUPLICATE);
        assertThat(collection.find().first().getInteger("n")).isEqualTo(1);
    }

    @Test
    void applyOnceRacingWithItselfAppliesEachEventExactlyOnce() throws Exception {
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(UUID.randomUUID());
        }
        List<HandlingOutcome> outcomes = race(4, () -> {
            List<HandlingOutcome> mine = new ArrayList<>();
            for (UUID event : events) {
                mine.add(ReadModelWrites.applyOnce(collection, "p1", event, Updates.inc("events", 1)));
            }
            return mine;
        });
        assertThat(outcomes.stream().filter(HandlingOutcome.APPLIED::equals).count()).isEqualTo(50);
        assertThat(collection.find().first().getInteger("events")).isEqualTo(50);
    }

    @Test
    void upsertIfNewerRacingKeepsTheNewestVersion() throws Exception {
        race(4, () -> {
            List<HandlingOutcome> mine = new ArrayList<>();
            for (long version = 1; version <= 40; version++) {
                mine.add(ReadModelWrites.upsertIfNewer(collection, "p1", version, new Document("name", "v" + version)));
            }
            return mine;
        });
        Document stored = collection.find().first();
        assertThat(stored.getLong("aggregateVersion")).isEqualTo(40L);
        assertThat(stored.getString("name")).isEqualTo("v40");
        assertThat(collection.countDocuments()).isEqualTo(1);
    }

    @Test
    void writesArePointLookupsBackedByUniqueIndexesStartingWithId() {
        ReadModelWrites.upsertIfNewer(collection, "p1", 1, new Document("name", "v1"));
        ReadModelWrites.applyOnce(collection, "p2", UUID.randomUUID(), Updates.inc("events", 1));
        List<Document> keys = new ArrayList<>();
        collection.listIndexes().forEach(index -> {
            if (Boolean.TRUE.equals(index.getBoolean("unique"))) {
                keys.add(index.get("key", Document.class));
            }
        });
        assertThat(keys).contains(new Document("_id", 1).append("aggregateVersion", 1),
                new Document("_id", 1).append("processedEventCount", 1));
    }

    @Test
    void consumersWritesAreAllPointLookups() {
        try (QueryShapes shapes = new QueryShapes()) {
            MongoCollection<Document> watched = shapes.client().getDatabase(collection.getNamespace().getDatabaseName())
                    .getCollection(collection.getNamespace().getCollectionName());
            ReadModelWrites.upsertIfNewer(watched, "p1", 1, new Document("name", "v1"));
            ReadModelWrites.applyOnce(watched, "p2", UUID.randomUUID(), Updates.inc("events", 1));
            shapes.start();
            ReadModelWrites.upsertIfNewer(watched, "p1", 2, new Document("name", "v2"));
            ReadModelWrites.upsertIfNewer(watched, "p1", 1, new Document("name", "v1 again"));
            ReadModelWrites.upsertIfNewer(watched, "p3", 1, new Document("name", "new"));
            UUID event = UUID.randomUUID();
            ReadModelWrites.applyOnce(watched, "p2", event, Updates.inc("events", 1));
            ReadModelWrites.applyOnce(watched, "p2", event, Updates.inc("events", 1));
            ReadModelWrites.applyOnce(watched, "p4", event, Updates.inc("events", 1));

            assertThat(shapes.scans(Set.of("aggregateVersion", "processedEventCount"))).isEmpty();
        }
        assertThat(collection.find(new Document("_id", "p1")).first().getString("name")).isEqualTo("v2");
        assertThat(collection.find(new Document("_id", "p2")).first().getInteger("events")).isEqualTo(2);
    }

    private static List<HandlingOutcome> race(int threads, java.util.concurrent.Callable<List<HandlingOutcome>> work)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<HandlingOutcome>>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        start.countDown();
        List<HandlingOutcome> all = new ArrayList<>();
        for (Future<List<HandlingOutcome>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        return all;
    }
}
