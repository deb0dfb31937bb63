package org.urbancooperation.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.outbox.OutboxEntries;
import org.urbancooperation.support.testing.InMemoryMongo;
import org.urbancooperation.support.testing.SampleEvents;

import com.mongodb.client.MongoCollection;

/** Persistence on mongo-java-server: one document write per change, optimistic locking, outbox in the document. */
class AggregateStoreTest {

    record Note(String id, String text) {
    }

    static class NoteMapper implements AggregateDocumentMapper<Note> {
        @Override
        public String id(Note note) {
            return note.id();
        }

        @Override
        public Document toDocument(Note note) {
            return new Document("text", note.text());
        }

        @Override
        public Note fromDocument(Document document) {
            return new Note(document.getString("_id"), document.getString("text"));
        }
    }

    private final AtomicInteger signals = new AtomicInteger();
    private MongoCollection<Document> collection;
    private AggregateStore<Note> store;

    @BeforeEach
    void setUp() {
        collection = InMemoryMongo.freshDatabase().getCollection("notes");
        store = new AggregateStore<>(collection, "Note", new NoteMapper(),
                new OutboxEntries(new IntegrationEventMapper(), "test-service", Clock.systemUTC()),
                (c, id, n) -> signals.incrementAndGet());
    }

    @Test
    void insertWritesStateVersionAndOutboxInOneDocument() {
        UUID id = UUID.randomUUID();
        store.insert(new Note(id.toString(), "first"), List.of(SampleEvents.essenKoriyama(id)));

        Document stored = collection.find().first();
        assertThat(stored.getString("text")).isEqualTo("first");
        assertThat(stored.getLong("version")).isEqualTo(1L);
        List<Document> outbox = stored.getList("outbox", Document.class);
        assertThat(outbox).singleElement().satisfies(entry -> {
            assertThat(entry.getString("type")).isEqualTo("partnership.PartnershipEstablished");
            assertThat(entry.getString("topic")).isEqualTo("partnership.partnership");
            assertThat(entry.getString("key")).isEqualTo(id.toString());
            assertThat(entry.getString("envelope")).contains("\"aggregateVersion\":1").contains("Koriyama");
        });
        assertThat(signals).hasValue(1);
    }

    @Test
    void updateIncrementsTheVersionAndAppendsEventsBehindThePendingOnes() {
        UUID id = UUID.randomUUID();
        store.insert(new Note(id.toString(), "first"), List.of(SampleEvents.essenKoriyama(id)));

        Versioned<Note> updated = store.update(new Note(id.toString(), "second"), 1, ExpectedVersion.any(),
                List.of(SampleEvents.continuedCooperation(id)));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(store.get(id.toString())).isEqualTo(new Versioned<>(new Note(id.toString(), "second"), 2L));
        List<Document> outbox = collection.find().first().getList("outbox", Document.class);
        assertThat(outbox).extracting(e -> e.getString("type"))
                .containsExactly("partnership.PartnershipEstablished", "partnership.AgreementSigned");
        assertThat(outbox.get(1).getString("envelope")).contains("\"aggregateVersion\":2");
    }

    @Test
    void theOldestPendingEventsTimeIsKeptWhileTheOutboxIsNotEmpty() {
        UUID id = UUID.randomUUID();
        store.insert(new Note(id.toString(), "first"), List.of());
        assertThat(collection.find().first().containsKey("outboxSince")).as("nothing pending").isFalse();

        store.update(new Note(id.toString(), "second"), 1, ExpectedVersion.any(),
                List.of(SampleEvents.continuedCooperation(id)));
        java.util.Date first = collection.find().first().getDate("outboxSince");
        store.update(new Note(id.toString(), "third"), 2, ExpectedVersion.any(),
                List.of(SampleEvents.continuedCooperation(id)));

        assertThat(first).isNotNull();
        assertThat(collection.find().first().getDate("outboxSince")).isEqualTo(first);
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        String id = UUID.randomUUID().toString();
        store.insert(new Note(id, "first"), List.of());
        store.update(new Note(id, "second"), 1, ExpectedVersion.any(), List.of());

        assertThatThrownBy(() -> store.update(new Note(id, "lost"), 1, ExpectedVersion.any(),
                List.of(SampleEvents.continuedCooperation(UUID.randomUUID()))))
                .isInstanceOfSatisfying(ConcurrentModificationConflict.class,
                        e -> assertThat(e.preconditionGiven()).isFalse());
        assertThatThrownBy(() -> store.update(new Note(id, "lost"), 1, ExpectedVersion.of(1), List.of()))
                .isInstanceOfSatisfying(ConcurrentModificationConflict.class,
                        e -> assertThat(e.preconditionGiven()).isTrue());

        Document stored = collection.find().first();
        assertThat(stored.getString("text")).isEqualTo("second");
        assertThat(stored.getLong("version")).isEqualTo(2L);
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void updatingAMissingAggregateIsNotFound() {
        assertThatThrownBy(() -> store.update(new Note("nope", "x"), 1, ExpectedVersion.any(), List.of()))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.find("nope")).isEmpty();
    }

    @Test
    void insertingTheSameIdTwiceIsAConflict() {
        store.insert(new Note("same", "a"), List.of());
        assertThatThrownBy(() -> store.insert(new Note("same", "b"), List.of()))
                .isInstanceOf(ConcurrentModificationConflict.class);
        assertThat(store.get("same").aggregate().text()).isEqualTo("a");
    }

    @Test
    void ofManyConcurrentWritersAtTheSameVersionExactlyOneWins() throws Exception {
        String id = UUID.randomUUID().toString();
        store.insert(new Note(id, "start"), List.of());
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String text = "writer-" + i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    store.update(new Note(id, text), 1, ExpectedVersion.any(),
                            List.of(SampleEvents.continuedCooperation(UUID.randomUUID())));
                    return true;
                } catch (ConcurrentModificationConflict e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
            winners += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
        Document stored = collection.find().first();
        assertThat(stored.getLong("version")).isEqualTo(2L);
        assertThat(stored.getList("outbox", Document.class)).hasSize(1);
    }

    @Test
    void aMapperMayNotWriteTheStoresOwnFields() {
        AggregateStore<Note> sloppy = new AggregateStore<>(collection, "Note", new NoteMapper() {
            @Override
            public Document toDocument(Note note) {
                return new Document("text", note.text()).append("version", 99);
            }
        }, new OutboxEntries(new IntegrationEventMapper(), "t", Clock.systemUTC()), (c, id, n) -> { });
        assertThatThrownBy(() -> sloppy.insert(new Note("x", "y"), List.of())).isInstanceOf(IllegalStateException.class);
    }
    /**
     * mongo-java-server changes a document's fields one by one in place, so a read racing a write can see the new
     * version with older fields; a write conditioned on that version would then store a state computed from stale
     * fields. The store's state check makes such a read read again: no append is lost.
     */
    @Test
    void racingReadModifyWriteLosesNoUpdate() throws Exception {
        String id = UUID.randomUUID().toString();
        store.insert(new Note(id, ""), List.of());
        int threads = 8;
        int appendsEach = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int n = 0; n < appendsEach; n++) {
                    while (true) {
                        Versioned<Note> read = store.get(id);
                        Note next = new Note(id, read.aggregate().text() + "|" + thread + "-" + n);
                        try {
                            store.update(next, read.version(), ExpectedVersion.any(), List.of());
                            break;
                        } catch (ConcurrentModificationConflict lostTheRace) {
                            // read again and retry
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        Versioned<Note> last = store.get(id);
        assertThat(last.version()).isEqualTo(1L + threads * appendsEach);
        assertThat(last.aggregate().text().split("\\|", -1)).hasSize(1 + threads * appendsEach);
    }
}
