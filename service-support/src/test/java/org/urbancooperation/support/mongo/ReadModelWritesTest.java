package org.urbancooperation.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

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
}
