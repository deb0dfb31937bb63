package org.urbancooperation.support.benchmarks;

import java.nio.file.Files;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
import org.urbancooperation.contracts.Topics;
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
 * How many events per second the outbox relay moves from Mongo documents to a real Kafka broker
 * (acks=all, idempotent producer), against the naive relay that waits for each event's ack.
 * Run: see docs/benchmarks.md. Each invocation publishes {@value #EVENTS} fresh outbox events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class OutboxRelayBenchmark {

    static final int EVENTS = 2000;

    /** The producer's linger: our setting (1 ms) and Kafka 4's default (5 ms). */
    @Param({"1", "5"})
    int lingerMs;

    private KafkaBrokerProcess broker;
    private MongoCollection<Document> collection;
    private AggregateStore<String> store;
    private OutboxRelay relay;
    private KafkaTemplate<String, Object> template;

    @Setup(Level.Trial)
    public void startBroker() throws Exception {
        broker = KafkaBrokerProcess.start(Files.createTempDirectory("relay-benchmark"));
        collection = InMemoryMongo.freshDatabase().getCollection("aggregates");
        store = new AggregateStore<>(collection, "Partnership", new IdOnly(),
                new OutboxEntries(new IntegrationEventMapper(), "benchmark", Clock.systemUTC()), (c, id, n) -> { });
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        @SuppressWarnings({"unchecked", "rawtypes"})
        KafkaTemplate<String, Object> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory(config,
                new StringSerializer(), new ByteArraySerializer()));
        template = kafka;
        relay = new OutboxRelay(template, new OutboxProperties(Duration.ofSeconds(1), Duration.ofSeconds(60), 200,
                Duration.ofSeconds(1), false, Duration.ZERO), Clock.systemUTC(), new SimpleMeterRegistry());
        relay.register(collection);
    }

    @Setup(Level.Invocation)
    public void writeEvents() {
        for (int i = 0; i < EVENTS; i++) {
            UUID id = UUID.randomUUID();
            store.insert(id.toString(), List.of(SampleEvents.essenKoriyama(id)));
        }
    }

    /** The platform's relay: claim documents, send a batch, wait for all acks, pull. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int batchedRelay() {
        int published = 0;
        while (published < EVENTS) {
            published += relay.publishPending();
        }
        return published;
    }

    /** For comparison: one send().get() per event, the pattern the design notes warn about. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int oneAckAtATime() throws Exception {
        List<Document> documents = collection.find().into(new ArrayList<>());
        int published = 0;
        for (Document document : documents) {
            for (Document entry : document.getList("outbox", Document.class)) {
                template.send(Topics.PARTNERSHIPS, entry.getString("key"), entry.getString("envelope").getBytes()).get();
                published++;
            }
        }
        collection.deleteMany(new Document());
        return published;
    }

    @TearDown(Level.Iteration)
    public void clear() {
        collection.deleteMany(new Document());
    }

    @TearDown(Level.Trial)
    public void stopBroker() {
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

    /** Lets the benchmark run from the IDE as well. */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {OutboxRelayBenchmark.class.getSimpleName()});
    }

}
