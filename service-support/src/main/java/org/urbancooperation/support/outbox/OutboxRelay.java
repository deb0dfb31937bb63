package org.urbancooperation.support.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaOperations;
import org.urbancooperation.contracts.KafkaHeaders;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes the events waiting in aggregate documents' outboxes to Kafka.
 *
 * <p>One round: claim up to N documents with pending events by setting a lease ({@code findOneAndUpdate},
 * so several replicas never publish the same document at once), send all their events without
 * waiting in between, wait for the acks of the whole batch ({@code acks=all}, idempotent producer),
 * then {@code $pull} exactly the acknowledged events and drop the lease. A crash between ack and
 * pull republishes the event: a duplicate, which consumers ignore, never a loss.
 *
 * <p>Writers signal it after each write so events leave within milliseconds; the poll interval only
 * matters for events left by a crashed replica or a failed round.
 */
public final class OutboxRelay implements OutboxSignal, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration ACK_WAIT = Duration.ofSeconds(45);
    private static final Duration PENDING_REFRESH = Duration.ofSeconds(2);

    private final List<MongoCollection<Document>> collections = new CopyOnWriteArrayList<>();
    private final KafkaOperations<String, Object> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String owner = "relay-" + UUID.randomUUID();
    private final Semaphore signal = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final MeterRegistry meters;
    private final Counter failed;
    private final Timer publishLag;

    private volatile boolean running;
    private volatile Thread worker;
    private Instant pendingRefreshedAt = Instant.EPOCH;

    public OutboxRelay(KafkaOperations<String, Object> kafka, OutboxProperties properties, Clock clock,
            MeterRegistry meters) {
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.failed = Counter.builder("ucp.outbox.failed")
                .description("Outbox events whose publication failed and will be retried")
                .register(meters);
        this.publishLag = Timer.builder("ucp.outbox.publish.lag")
                .description("Time from the state change to the broker's acknowledgement of its event")
                .publishPercentileHistogram()
                .register(meters);
        Gauge.builder("ucp.outbox.pending", pending, AtomicLong::get)
                .description("Events written to outboxes and not yet acknowledged by Kafka")
                .register(meters);
    }

    /** Adds an aggregate collection whose documents carry an outbox. */
    public void register(MongoCollection<Document> collection) {
        collections.add(collection);
    }

    @Override
    public void eventsWritten() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /**
     * One publishing round over all registered collections.
     *
     * @return how many events the broker acknowledged
     */
    public int publishPending() {
        List<Claim> claims = claim();
        if (claims.isEmpty()) {
            refreshPendingGauge(false);
            return 0;
        }
        send(claims);
        int published = 0;
        for (Claim claim : claims) {
            published += acknowledge(claim);
        }
        refreshPendingGauge(true);
        return published;
    }

    private List<Claim> claim() {
        List<Claim> claims = new ArrayList<>();
        Date now = Date.from(clock.instant());
        Date until = Date.from(clock.instant().plus(properties.lease()));
        Bson claimable = and(exists(OutboxEntries.FIELD + ".0"),
                or(exists(OutboxEntries.LEASE_FIELD, false), lt(OutboxEntries.LEASE_FIELD + ".until", now)));
        Bson lease = Updates.set(OutboxEntries.LEASE_FIELD, new Document("owner", owner).append("until", until));
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions()
                .projection(Projections.include(OutboxEntries.FIELD))
                .returnDocument(ReturnDocument.AFTER);
        for (MongoCollection<Document> collection : collections) {
            while (claims.size() < properties.documentsPerRound()) {
                Document document = collection.findOneAndUpdate(claimable, lease, options);
                if (document == null) {
                    break;
                }
                claims.add(new Claim(collection, document.get("_id"), document.getList(OutboxEntries.FIELD, Document.class)));
            }
        }
        return claims;
    }

    private void send(List<Claim> claims) {
        boolean brokerRefused = false;
        for (Claim claim : claims) {
            for (Document entry : claim.entries) {
                if (brokerRefused) {
                    break;
                }
                try {
                    claim.sends.add(new Send(entry, kafka.send(record(entry))));
                } catch (RuntimeException e) {
                    // Synchronous failure (e.g. no metadata within max.block.ms): the broker is away,
                    // so leave the rest for the next round instead of blocking once per event.
                    log.warn("Outbox relay could not hand event {} to the producer: {}", entry.get(OutboxEntries.EVENT_ID),
                            e.toString());
                    failed.increment();
                    brokerRefused = true;
                }
            }
        }
    }

    private int acknowledge(Claim claim) {
        List<String> acknowledged = new ArrayList<>();
        for (Send send : claim.sends) {
            try {
                send.result.get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(send.entry.getString(OutboxEntries.EVENT_ID));
                Date occurredAt = send.entry.getDate(OutboxEntries.OCCURRED_AT);
                publishLag.record(Duration.between(occurredAt.toInstant(), clock.instant()));
                meters.counter("ucp.outbox.published", "type", send.entry.getString(OutboxEntries.TYPE)).increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                failed.increment();
                log.warn("Event {} was not acknowledged by Kafka, it stays in the outbox: {}",
                        send.entry.get(OutboxEntries.EVENT_ID), e.toString());
            }
        }
        Bson release = Updates.unset(OutboxEntries.LEASE_FIELD);
        Bson update = acknowledged.isEmpty() ? release
                : Updates.combine(Updates.pullByFilter(new Document(OutboxEntries.FIELD,
                        in(OutboxEntries.EVENT_ID, acknowledged))), release);
        long matched = claim.collection.updateOne(
                and(eq("_id", claim.id), eq(OutboxEntries.LEASE_FIELD + ".owner", owner)), update).getMatchedCount();
        if (matched == 0 && !acknowledged.isEmpty()) {
            // Our lease ran out and another relay holds the document: still remove what we published.
            claim.collection.updateOne(eq("_id", claim.id),
                    Updates.pullByFilter(new Document(OutboxEntries.FIELD, in(OutboxEntries.EVENT_ID, acknowledged))));
        }
        return acknowledged.size();
    }

    private static ProducerRecord<String, Object> record(Document entry) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, KafkaHeaders.SPEC_VERSION, KafkaHeaders.CLOUDEVENTS_SPEC_VERSION);
        header(headers, KafkaHeaders.ID, entry.getString(OutboxEntries.EVENT_ID));
        header(headers, KafkaHeaders.TYPE, entry.getString(OutboxEntries.TYPE));
        header(headers, KafkaHeaders.SOURCE, entry.getString(OutboxEntries.PRODUCER));
        header(headers, KafkaHeaders.TIME, entry.getDate(OutboxEntries.OCCURRED_AT).toInstant().toString());
        header(headers, KafkaHeaders.SUBJECT, entry.getString(OutboxEntries.KEY));
        header(headers, KafkaHeaders.DATA_SCHEMA, entry.getString(OutboxEntries.SCHEMA));
        header(headers, KafkaHeaders.CORRELATION_ID, entry.getString(OutboxEntries.CORRELATION_ID));
        byte[] value = entry.getString(OutboxEntries.ENVELOPE).getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(entry.getString(OutboxEntries.TOPIC), null, entry.getString(OutboxEntries.KEY),
                value, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void refreshPendingGauge(boolean force) {
        Instant now = clock.instant();
        if (!force && now.isBefore(pendingRefreshedAt.plus(PENDING_REFRESH))) {
            return;
        }
        pendingRefreshedAt = now;
        long total = 0;
        for (MongoCollection<Document> collection : collections) {
            for (Document d : collection.find(exists(OutboxEntries.FIELD + ".0"))
                    .projection(Projections.include(OutboxEntries.FIELD))) {
                total += d.getList(OutboxEntries.FIELD, Document.class).size();
            }
        }
        pending.set(total);
    }

    // ---- lifecycle: one background thread per service instance ----

    @Override
    public void start() {
        if (!properties.relayEnabled() || running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            signal.release();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the web server and the listeners, stop before Kafka's producer factory goes away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            long failedBefore = (long) failed.count();
            try {
                int published = publishPending();
                if ((long) failed.count() > failedBefore) {
                    backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), properties.maxBackoff());
                    sleep(backoff);
                    continue;
                }
                backoff = Duration.ZERO;
                if (published == 0) {
                    awaitSignal(properties.pollInterval());
                }
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed, retrying: {}", e.toString());
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), properties.maxBackoff());
                sleep(backoff);
            }
        }
    }

    private void awaitSignal(Duration timeout) {
        try {
            if (signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                signal.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** A back-off pause: new writes do not cut it short, the broker is what we wait for. */
    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static final class Claim {
        final MongoCollection<Document> collection;
        final Object id;
        final List<Document> entries;
        final List<Send> sends = new ArrayList<>();

        Claim(MongoCollection<Document> collection, Object id, List<Document> entries) {
            this.collection = collection;
            this.id = id;
            this.entries = entries;
        }
    }

    private record Send(Document entry, CompletableFuture<?> result) {
    }
}
