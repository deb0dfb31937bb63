package org.urbancooperation.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import org.urbancooperation.support.testing.KafkaBrokerProcess;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.mongo.AggregateDocumentMapper;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.mongo.QueryShapes;
import org.urbancooperation.support.observability.CorrelationId;
import org.urbancooperation.support.testing.InMemoryMongo;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.SampleEvents;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The relay against a real (embedded KRaft) broker and the Mongo server. */
class OutboxRelayTest {

    private static EmbeddedKafkaKraftBroker broker;
    private static final IntegrationEventMapper MAPPER = new IntegrationEventMapper();

    private MongoCollection<Document> partnerships;
    private AggregateStore<String> store;
    private String topic;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 2);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @BeforeEach
    void setUp() {
        partnerships = InMemoryMongo.freshDatabase().getCollection("partnerships");
        store = new AggregateStore<>(partnerships, "Partnership", new IdOnlyMapper(),
                new OutboxEntries(MAPPER, "partnership-service", Clock.systemUTC()), (c, id, n) -> { });
        topic = Topics.PARTNERSHIPS;
    }

    @Test
    void publishesEachEventWithKeyHeadersAndEnvelopeThenEmptiesTheOutbox() {
        UUID id = UUID.randomUUID();
        try (CorrelationId.Scope ignored = CorrelationId.open("req-42")) {
            store.insert(id.toString(), List.of(SampleEvents.essenKoriyama(id)));
            store.update(id.toString(), 1, ExpectedVersion.any(), List.of(SampleEvents.continuedCooperation(id)));
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = relay(broker.getBrokersAsString(), meters);
        assertThat(partnerships.find().first().get("outboxSince")).as("marked pending").isNotNull();

        assertThat(relay.publishPending()).isEqualTo(2);

        List<ConsumerRecord<String, byte[]>> records = recordsFor(Set.of(id.toString()), 2);
        assertThat(records).hasSize(2);
        ConsumerRecord<String, byte[]> first = records.get(0);
        assertThat(first.key()).isEqualTo(id.toString());
        assertThat(KafkaTestClients.header(first, KafkaHeaders.TYPE)).isEqualTo("partnership.PartnershipEstablished");
        assertThat(KafkaTestClients.header(first, KafkaHeaders.SOURCE)).isEqualTo("partnership-service");
        assertThat(KafkaTestClients.header(first, KafkaHeaders.SUBJECT)).isEqualTo(id.toString());
        assertThat(KafkaTestClients.header(first, KafkaHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(KafkaTestClients.header(first, KafkaHeaders.CORRELATION_ID)).isEqualTo("req-42");
        EventEnvelope envelope = MAPPER.fromBytes(first.value());
        assertThat(KafkaTestClients.header(first, KafkaHeaders.ID)).isEqualTo(envelope.eventId().toString());
        assertThat(envelope.aggregateVersion()).isEqualTo(1);
        assertThat(envelope.correlationId()).isEqualTo("req-42");
        assertThat(new IntegrationEventSchemas(MAPPER).violations(envelope)).isEmpty();
        assertThat(MAPPER.fromBytes(records.get(1).value()).type()).isEqualTo("partnership.AgreementSigned");

        Document stored = partnerships.find().first();
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
        assertThat(stored.containsKey("outboxLease")).isFalse();
        assertThat(stored.containsKey("outboxSince")).as("no longer pending").isFalse();
        assertThat(meters.counter("ucp.outbox.published", "type", "partnership.PartnershipEstablished").count()).isEqualTo(1);
        assertThat(meters.get("ucp.outbox.pending").gauge().value()).isZero();
        assertThat(meters.get("ucp.outbox.publish.lag").timer().count()).isEqualTo(2);
        assertThat(relay.publishPending()).isZero();
    }

    @Test
    void twoRelaysClaimingAtOnceNeverPublishAnEventTwiceAndMissNone() throws Exception {
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 150; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id.toString());
            store.insert(id.toString(), List.of(SampleEvents.essenKoriyama(id)));
        }
        OutboxRelay a = relay(broker.getBrokersAsString(), new SimpleMeterRegistry(), 5);
        OutboxRelay b = relay(broker.getBrokersAsString(), new SimpleMeterRegistry(), 5);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> totals = new ArrayList<>();
        for (OutboxRelay relay : List.of(a, b)) {
            totals.add(pool.submit(() -> {
                start.await();
                int total = 0;
                int round;
                while ((round = relay.publishPending()) > 0) {
                    total += round;
                }
                return total;
            }));
        }
        start.countDown();
        int published = totals.get(0).get() + totals.get(1).get();
        pool.shutdown();

        // Which relay got how many depends on timing; what may never happen is a miss or a repeat.
        assertThat(published).isEqualTo(150);
        List<ConsumerRecord<String, byte[]>> records = recordsFor(ids, 150);
        assertThat(records).hasSize(150);
        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(ids);
        assertThat(partnerships.countDocuments(Filters.exists("outbox.0"))).isZero();
    }

    @Test
    void aDocumentLeasedByAnotherLiveRelayIsLeftAloneUntilTheLeaseExpires() {
        UUID id = UUID.randomUUID();
        store.insert(id.toString(), List.of(SampleEvents.essenKoriyama(id)));
        Date future = new Date(System.currentTimeMillis() + 60_000);
        partnerships.updateOne(Filters.eq("_id", id.toString()),
                Updates.set("outboxLease", new Document("owner", "crashed-replica").append("until", future)));
        OutboxRelay relay = relay(broker.getBrokersAsString(), new SimpleMeterRegistry());

        assertThat(relay.publishPending()).isZero();

        Date past = new Date(System.currentTimeMillis() - 1_000);
        partnerships.updateOne(Filters.eq("_id", id.toString()), Updates.set("outboxLease.until", past));
        assertThat(relay.publishPending()).isEqualTo(1);
        assertThat(recordsFor(Set.of(id.toString()), 1)).hasSize(1);
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownAreAllPublishedOnceItIsBack(@TempDir Path brokerDirectory) {
        try (KafkaBrokerProcess realBroker = KafkaBrokerProcess.start(brokerDirectory)) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            OutboxRelay relay = relay(realBroker.bootstrapServers(), meters);
            UUID before = UUID.randomUUID();
            store.insert(before.toString(), List.of(SampleEvents.essenKoriyama(before)));
            assertThat(relay.publishPending()).isEqualTo(1);

            realBroker.kill();
            Set<String> ids = new java.util.HashSet<>(Set.of(before.toString()));
            for (int i = 0; i < 20; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id.toString());
                store.insert(id.toString(), List.of(SampleEvents.essenKoriyama(id)));
            }
            assertThat(relay.publishPending()).isZero();
            assertThat(meters.get("ucp.outbox.failed").counter().count()).isPositive();
            assertThat(partnerships.countDocuments(Filters.exists("outbox.0"))).isEqualTo(20);
            assertThat(partnerships.countDocuments(Filters.exists("outboxLease"))).as("leases released").isZero();

            realBroker.restart();
            int published = 0;
            long deadline = System.currentTimeMillis() + 60_000;
            while (published < 20 && System.currentTimeMillis() < deadline) {
                published += relay.publishPending();
            }

            assertThat(published).isEqualTo(20);
            assertThat(partnerships.countDocuments(Filters.exists("outbox.0"))).isZero();
            List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readAll(realBroker.bootstrapServers(), topic,
                    21, Duration.ofSeconds(30));
            assertThat(records).hasSize(21);
            assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(ids);
        }
    }

    @Test
    void aSignalledWriteIsPublishedByIdWithoutTheSafetyNet() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = relay(broker.getBrokersAsString(), meters);
        AggregateStore<String> signalling = signallingStore(relay);
        UUID left = UUID.randomUUID();
        store.insert(left.toString(), List.of(SampleEvents.essenKoriyama(left))); // not signalled
        UUID id = UUID.randomUUID();
        signalling.insert(id.toString(), List.of(SampleEvents.essenKoriyama(id)));
        signalling.update(id.toString(), 1, ExpectedVersion.any(), List.of(SampleEvents.continuedCooperation(id)));
        assertThat(meters.get("ucp.outbox.pending").gauge().value()).as("counted on write, no query").isEqualTo(2);

        assertThat(relay.publishWritten()).as("both events of the signalled document, one claim").isEqualTo(2);

        assertThat(recordsFor(Set.of(id.toString()), 2)).hasSize(2);
        Document stored = partnerships.find(Filters.eq("_id", id.toString())).first();
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
        assertThat(stored.containsKey("outboxLease")).isFalse();
        assertThat(stored.containsKey("outboxSince")).as("no longer pending").isFalse();
        assertThat(meters.get("ucp.outbox.pending").gauge().value()).isZero();
        assertThat(relay.publishWritten()).as("nothing signalled since").isZero();
        Document unsignalled = partnerships.find(Filters.eq("_id", left.toString())).first();
        assertThat(unsignalled.getList("outbox", Document.class)).as("left to the safety net").hasSize(1);
        assertThat(relay.publishPending()).isEqualTo(1);
    }

    @Test
    void eventsLeftBehindByACrashBeforePublishingArePublishedByTheSafetyNetAtStartAndPeriodically() {
        // The writer's signal never reaches a relay: as if the service died between write and publish.
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id.toString());
            store.insert(id.toString(), List.of(SampleEvents.essenKoriyama(id)));
        }
        OutboxRelay relay = relay(broker.getBrokersAsString(), new SimpleMeterRegistry(), 200, Duration.ofMillis(300),
                true);
        relay.start();
        try {
            for (int i = 0; i < 2; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id.toString());
                store.insert(id.toString(), List.of(SampleEvents.essenKoriyama(id)));
            }
            assertThat(recordsFor(ids, 5)).hasSize(5);
            long deadline = System.currentTimeMillis() + 10_000;
            while (partnerships.countDocuments(Filters.exists("outboxSince")) > 0 && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(partnerships.countDocuments(Filters.exists("outbox.0"))).isZero();
            assertThat(partnerships.countDocuments(Filters.exists("outboxSince"))).isZero();
        } finally {
            relay.stop();
        }
    }

    @Test
    void theWritersRelayAndTwoOtherReplicasSafetyNetsPublishEveryEventOnceAndMissNone() throws Exception {
        // Replica A wrote the documents and is signalled (its hot path, no lease); replicas B and C run their
        // safety nets at the same time with the default grace: they leave fresh documents to A.
        OutboxRelay a = relay(broker.getBrokersAsString(), new SimpleMeterRegistry(), 5);
        OutboxRelay b = relay(broker.getBrokersAsString(), new SimpleMeterRegistry(), 5, Duration.ofSeconds(3));
        OutboxRelay c = relay(broker.getBrokersAsString(), new SimpleMeterRegistry(), 5, Duration.ofSeconds(3));
        AggregateStore<String> writer = new AggregateStore<>(partnerships, "Partnership", new IdOnlyMapper(),
                new OutboxEntries(MAPPER, "partnership-service", Clock.systemUTC()), a);
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id.toString());
            writer.insert(id.toString(), List.of(SampleEvents.essenKoriyama(id)));
        }

        int published = race(List.of(() -> rounds(a::publishWritten, 100), () -> rounds(b::publishPending, 10),
                () -> rounds(c::publishPending, 10)));

        assertThat(published).isEqualTo(100);
        assertEachPublishedOnce(ids);
    }

    @Test
    void documentsLeftBehindAreTakenByOneSafetyNetOnlyWhenSeveralRace() throws Exception {
        // Written by a replica that died before publishing (nobody signalled), older than the grace.
        AggregateStore<String> unsignalled = new AggregateStore<>(partnerships, "Partnership", new IdOnlyMapper(),
                new OutboxEntries(MAPPER, "partnership-service", Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-1))),
                (collection, id, events) -> { });
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id.toString());
            unsignalled.insert(id.toString(), List.of(SampleEvents.essenKoriyama(id)));
        }
        OutboxRelay b = relay(broker.getBrokersAsString(), new SimpleMeterRegistry(), 5, Duration.ofSeconds(3));
        OutboxRelay c = relay(broker.getBrokersAsString(), new SimpleMeterRegistry(), 5, Duration.ofSeconds(3));

        int published = race(List.of(() -> rounds(b::publishPending, 30), () -> rounds(c::publishPending, 30)));

        assertThat(published).isEqualTo(100);
        assertEachPublishedOnce(ids);
    }

    @Test
    void twoRelaysSignalledForTheSameWritesMissNone() throws Exception {
        // Not a production case (only the writer's relay hears of a write), but the worst one for the hot path,
        // which takes no lease: every event arrives, some perhaps twice (consumers are idempotent).
        OutboxRelay a = relay(broker.getBrokersAsString(), new SimpleMeterRegistry(), 5);
        OutboxRelay b = relay(broker.getBrokersAsString(), new SimpleMeterRegistry(), 5);
        AggregateStore<String> both = new AggregateStore<>(partnerships, "Partnership", new IdOnlyMapper(),
                new OutboxEntries(MAPPER, "partnership-service", Clock.systemUTC()), (collection, id, n) -> {
                    a.eventsWritten(collection, id, n);
                    b.eventsWritten(collection, id, n);
                });
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id.toString());
            both.insert(id.toString(), List.of(SampleEvents.essenKoriyama(id)));
        }

        int published = race(List.of(() -> rounds(a::publishWritten, 100), () -> rounds(b::publishWritten, 100)));

        assertThat(published).isBetween(100, 200);
        List<ConsumerRecord<String, byte[]>> records = recordsFor(ids, 100);
        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(ids);
        assertThat(partnerships.countDocuments(Filters.exists("outbox.0"))).isZero();
        assertThat(partnerships.countDocuments(Filters.exists("outboxSince"))).isZero();
    }

    private static int rounds(java.util.function.IntSupplier round, int times) {
        int total = 0;
        for (int i = 0; i < times; i++) {
            total += round.getAsInt();
        }
        return total;
    }

    /** Runs the relays' loops at once; the sum of what they published. */
    private static int race(List<java.util.concurrent.Callable<Integer>> loops) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(loops.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> totals = new ArrayList<>();
        for (java.util.concurrent.Callable<Integer> loop : loops) {
            totals.add(pool.submit(() -> {
                start.await();
                return loop.call();
            }));
        }
        start.countDown();
        int published = 0;
        for (Future<Integer> total : totals) {
            published += total.get();
        }
        pool.shutdown();
        return published;
    }

    private void assertEachPublishedOnce(Set<String> ids) {
        List<ConsumerRecord<String, byte[]>> records = recordsFor(ids, ids.size());
        assertThat(records).hasSize(ids.size());
        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(ids);
        assertThat(partnerships.countDocuments(Filters.exists("outbox.0"))).isZero();
        assertThat(partnerships.countDocuments(Filters.exists("outboxLease"))).isZero();
        assertThat(partnerships.countDocuments(Filters.exists("outboxSince"))).isZero();
    }

    @Test
    void theByIdPathLeavesADocumentLeasedByAnotherLiveRelayAlone() {
        OutboxRelay relay = relay(broker.getBrokersAsString(), new SimpleMeterRegistry());
        UUID id = UUID.randomUUID();
        store.insert(id.toString(), List.of(SampleEvents.essenKoriyama(id)));
        Date future = new Date(System.currentTimeMillis() + 60_000);
        partnerships.updateOne(Filters.eq("_id", id.toString()), Updates.set("outboxLease",
                new Document("owner", "other-replica").append("until", future).append("round", "other-round")));
        relay.eventsWritten(partnerships, id.toString(), 1);

        assertThat(relay.publishWritten()).isZero();

        Date past = new Date(System.currentTimeMillis() - 1_000);
        partnerships.updateOne(Filters.eq("_id", id.toString()), Updates.set("outboxLease.until", past));
        relay.eventsWritten(partnerships, id.toString(), 0);
        assertThat(relay.publishWritten()).as("an expired lease is taken over").isEqualTo(1);
        assertThat(recordsFor(Set.of(id.toString()), 1)).hasSize(1);
        assertThat(partnerships.find().first().containsKey("outboxLease")).isFalse();
    }

    @Test
    void theCommandPathAndTheByIdPathOnlySendPointLookups() {
        try (QueryShapes shapes = new QueryShapes()) {
            MongoCollection<Document> watched = shapes.client().getDatabase(partnerships.getNamespace().getDatabaseName())
                    .getCollection(partnerships.getNamespace().getCollectionName());
            OutboxRelay relay = relay(broker.getBrokersAsString(), new SimpleMeterRegistry());
            relay.register(watched);
            AggregateStore<String> signalling = new AggregateStore<>(watched, "Partnership", new IdOnlyMapper(),
                    new OutboxEntries(MAPPER, "partnership-service", Clock.systemUTC()), relay);
            UUID id = UUID.randomUUID();
            signalling.insert(id.toString(), List.of(SampleEvents.essenKoriyama(id)));
            assertThat(relay.publishWritten()).isEqualTo(1);

            shapes.start();
            long version = signalling.get(id.toString()).version();
            signalling.update(id.toString(), version, ExpectedVersion.any(), List.of(SampleEvents.continuedCooperation(id)));
            assertThat(relay.publishWritten()).isEqualTo(1);
            int recorded = shapes.recorded();

            assertThat(shapes.scans(Set.of("version", "outboxLease.round"))).as("filters that would scan").isEmpty();
            // The command's read and write, then the relay's one read of what was signalled and its one write
            // removing the acknowledged outbox (no lease on the hot path, no second write to unmark it).
            assertThat(recorded).as("read, write, read signalled, release").isEqualTo(4);
        }
    }

    private AggregateStore<String> signallingStore(OutboxRelay relay) {
        return new AggregateStore<>(partnerships, "Partnership", new IdOnlyMapper(),
                new OutboxEntries(MAPPER, "partnership-service", Clock.systemUTC()), relay);
    }

    private List<ConsumerRecord<String, byte[]>> recordsFor(Set<String> keys, int expected) {
        // Tests share the topic: read it all, keep this test's aggregates.
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        while (mine.size() < expected && System.currentTimeMillis() < deadline) {
            mine = KafkaTestClients.readAll(broker.getBrokersAsString(), topic, Integer.MAX_VALUE, Duration.ofSeconds(2))
                    .stream().filter(r -> keys.contains(r.key())).toList();
        }
        return mine;
    }

    private OutboxRelay relay(String bootstrap, SimpleMeterRegistry meters) {
        return relay(bootstrap, meters, 200);
    }

    private OutboxRelay relay(String bootstrap, SimpleMeterRegistry meters, int documentsPerRound) {
        return relay(bootstrap, meters, documentsPerRound, Duration.ZERO);
    }

    private OutboxRelay relay(String bootstrap, SimpleMeterRegistry meters, int documentsPerRound, Duration claimGrace) {
        return relay(bootstrap, meters, documentsPerRound, Duration.ofMillis(100), false, claimGrace);
    }

    private OutboxRelay relay(String bootstrap, SimpleMeterRegistry meters, int documentsPerRound,
            Duration pollInterval, boolean running) {
        return relay(bootstrap, meters, documentsPerRound, pollInterval, running, Duration.ZERO);
    }

    private OutboxRelay relay(String bootstrap, SimpleMeterRegistry meters, int documentsPerRound,
            Duration pollInterval, boolean running, Duration claimGrace) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 4000);
        @SuppressWarnings({"unchecked", "rawtypes"})
        KafkaTemplate<String, Object> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory(config,
                new StringSerializer(), new ByteArraySerializer()));
        OutboxProperties properties = new OutboxProperties(pollInterval, Duration.ofSeconds(60),
                documentsPerRound, Duration.ofSeconds(1), running, claimGrace);
        OutboxRelay relay = new OutboxRelay(template, properties, Clock.systemUTC(), meters);
        relay.register(partnerships);
        return relay;
    }

    /** The aggregate is just its id: these tests are about the outbox. */
    static final class IdOnlyMapper implements AggregateDocumentMapper<String> {
        @Override
        public String id(String aggregate) {
            return aggregate;
        }

        @Override
        public Document toDocument(String aggregate) {
            return new Document();
        }

        @Override
        public String fromDocument(Document document) {
            return document.getString("_id");
        }
    }
}
