package org.urbancooperation.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaOperations;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.testing.InMemoryMongo;
import org.urbancooperation.support.testing.SampleEvents;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Events leave in the order they were written, across documents, whatever the clock says: here it stands still,
 * so every write is in the same millisecond, and the documents' ids sort the other way round.
 */
class OutboxOrderTest {

    private final Clock frozen = Clock.fixed(Instant.parse("2026-03-02T09:15:00Z"), ZoneOffset.UTC);
    private final List<String> sent = new ArrayList<>();
    private final MongoCollection<Document> collection = InMemoryMongo.freshDatabase().getCollection("partnerships");
    private final OutboxRelay relay = new OutboxRelay(recordingKafka(), new OutboxProperties(Duration.ofSeconds(5),
            Duration.ofSeconds(60), 200, Duration.ofSeconds(1), false), frozen, new SimpleMeterRegistry());
    private final AggregateStore<String> store = new AggregateStore<>(collection, "Partnership",
            new OutboxRelayTest.IdOnlyMapper(), new OutboxEntries(new IntegrationEventMapper(), "partnership-service",
                    frozen), relay);

    {
        relay.register(collection);
    }

    @Test
    void entriesAreNumberedInTheOrderTheyAreWrittenEvenWithinOneMillisecond() {
        UUID id = UUID.randomUUID();
        store.insert(id.toString(), List.of(SampleEvents.essenKoriyama(id)));
        store.update(id.toString(), 1, ExpectedVersion.any(), List.of(SampleEvents.continuedCooperation(id),
                SampleEvents.continuedCooperation(id)));

        Document stored = collection.find(Filters.eq("_id", id.toString())).first();
        List<Long> sequences = stored.getList(OutboxEntries.FIELD, Document.class).stream()
                .map(OutboxEntries::sequenceOf).toList();
        assertThat(sequences).hasSize(3).isSorted().doesNotHaveDuplicates();
        assertThat(stored.getLong(OutboxEntries.PENDING_SEQUENCE_FIELD)).as("the oldest pending")
                .isEqualTo(sequences.get(0));

        relay.publishWritten();
        stored = collection.find(Filters.eq("_id", id.toString())).first();
        assertThat(stored).doesNotContainKeys(OutboxEntries.PENDING_SINCE_FIELD, OutboxEntries.PENDING_SEQUENCE_FIELD);
    }

    @Test
    void signalledWritesLeaveInTheOrderTheyWereMade() {
        for (int round = 0; round < 10; round++) {
            List<String> written = writeDescendingIds();

            assertThat(relay.publishWritten()).isEqualTo(written.size());

            assertThat(sent).as("round %d", round).containsExactlyElementsOf(written);
            sent.clear();
        }
    }

    @Test
    void theSafetyNetSendsInTheOrderTheWritesWereMade() {
        for (int round = 0; round < 10; round++) {
            List<String> written = writeDescendingIds();

            assertThat(relay.publishPending()).isEqualTo(written.size());

            assertThat(sent).as("round %d", round).containsExactlyElementsOf(written);
            sent.clear();
        }
    }

    /** Three new documents whose ids sort against the order of writing, then a change of the first: in this order. */
    private List<String> writeDescendingIds() {
        List<String> written = new ArrayList<>();
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> ids = new ArrayList<>();
        for (String first : List.of("c", "b", "a")) {
            UUID id = UUID.fromString(first + prefix.substring(1) + "-0000-4000-8000-000000000000");
            ids.add(id);
            store.insert(id.toString(), List.of(SampleEvents.essenKoriyama(id)));
            written.add("partnership.PartnershipEstablished " + id);
        }
        store.update(ids.get(0).toString(), 1, ExpectedVersion.any(),
                List.of(SampleEvents.continuedCooperation(ids.get(0))));
        written.add("partnership.AgreementSigned " + ids.get(0));
        return written;
    }

    @SuppressWarnings("unchecked")
    private KafkaOperations<String, Object> recordingKafka() {
        KafkaOperations<String, Object> kafka = mock(KafkaOperations.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            ProducerRecord<String, Object> record = call.getArgument(0);
            sent.add(new String(record.headers().lastHeader(KafkaHeaders.TYPE).value(), StandardCharsets.UTF_8) + " "
                    + record.key());
            return CompletableFuture.completedFuture(null);
        });
        return kafka;
    }
}
