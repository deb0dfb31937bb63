package org.urbancooperation.support.benchmarks;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.mongo.AggregateDocumentMapper;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.outbox.OutboxEntries;
import org.urbancooperation.support.outbox.OutboxProperties;
import org.urbancooperation.support.outbox.OutboxRelay;
import org.urbancooperation.support.testing.InMemoryMongo;
import org.urbancooperation.support.testing.KafkaBrokerProcess;
import org.urbancooperation.support.testing.SampleEvents;

import com.mongodb.client.MongoCollection;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Does the cost of one command grow with the number of aggregates stored? One operation is what a
 * command does to the pipeline: read an aggregate by id, update it with one new event (the
 * optimistic-locking write that also fills its outbox), then the relay's after-write path publishes
 * that event to a real Kafka broker (acks=all) and empties the outbox. Measured with 1,000, 10,000
 * and 100,000 aggregates stored (mongo-java-server memory backend, which ignores non-unique indexes).
 * Run: see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OutboxRelayGrowthBenchmark {

    @Param({"1000", "10000", "100000"})
    int aggregates;

    private KafkaBrokerProcess broker;
    private MongoCollection<Document> collection;
    private AggregateStore<String> store;
    private OutboxRelay relay;
    private KafkaTemplate<String, Object> template;
    private final List<String> ids = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        broker = KafkaBrokerProcess.start(Files.createTempDirectory("relay-growth-benchmark"));
        collection = InMemoryMongo.freshDatabase().getCollection("partnerships");
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        @SuppressWarnings({"unchecked", "rawtypes"})
        KafkaTemplate<String, Object> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory(config,
                new StringSerializer(), new ByteArraySerializer()));
        template = kafka;
        relay = new OutboxRelay(template, new OutboxProperties(Duration.ofSeconds(5), Duration.ofSeconds(60), 200,
                Duration.ofSeconds(1), false, Duration.ZERO), Clock.systemUTC(), new SimpleMeterRegistry());
        relay.register(collection);
        store = new AggregateStore<>(collection, "Partnership", new IdOnly(),
                new OutboxEntries(new IntegrationEventMapper(), "benchmark", Clock.systemUTC()), relay);
        // The stored aggregates: published long ago, outbox empty, a few hundred bytes each.
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            batch.add(new Document("_id", id).append("version", 1L).append("name", "partnership " + i)
                    .append("description", "x".repeat(300)).append(OutboxEntries.FIELD, List.of()));
            if (batch.size() == 1000) {
                collection.insertMany(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }

    /** One command on a random stored aggregate, then the relay publishes its event. */
    @Benchmark
    public int updateThenPublish() {
        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        Versioned<String> current = store.get(id);
        store.update(id, current.version(), ExpectedVersion.any(),
                List.of(SampleEvents.continuedCooperation(UUID.fromString(id))));
        int published = 0;
        while (published == 0) {
            published = publishAfterWrite();
        }
        return published;
    }

    /** The relay's after-write path. */
    private int publishAfterWrite() {
        return relay.publishWritten();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        template.destroy();
        broker.close();
    }

    static final class IdOnly implements AggregateDocumentMapper<String> {
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
