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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes the events waiting in aggregate documents' outboxes to Kafka.
 *
 * <p>One round: claim up to N documents with pending events by setting a lease (a conditional
 * {@code updateMany}, so several replicas never publish the same document at once), send all their
 * events without waiting in between, wait for the acks of the whole batch ({@code acks=all},
 * idempotent producer), then {@code $pull} exactly the acknowledged events and drop the leases. A
 * round costs a handful of queries, not a few per event. A crash between ack and
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
            refreshPendingGauge();
            return 0;
        }
        send(claims);
        int published = 0;
        for (Claim claim : claims) {
            published += awaitAcks(claim);
        }
        release(claims);
        refreshPendingGauge();
        return published;
    }

    /**
     * Claims up to N documents in three queries per collection, whatever N is: find candidates
     * (oldest pending first, through the sparse index), lease those still free in one
     * {@code updateMany} tagged with this round, read back the ones this round got. Another relay
     * racing for the same documents gets the others; the per-document filter decides atomically.
     */
    private List<Claim> claim() {
        List<Claim> claims = new ArrayList<>();
        Date now = Date.from(clock.instant());
        Date until = Date.from(clock.instant().plus(properties.lease()));
        Bson claimable = and(exists(OutboxEntries.PENDING_SINCE_FIELD),
                or(exists(OutboxEntries.LEASE_FIELD, false), lt(OutboxEntries.LEASE_FIELD + ".until", now)));
        for (MongoCollection<Document> collection : collections) {
            int wanted = properties.documentsPerRound() - claims.size();
            if (wanted <= 0) {
                break;
            }
            List<Object> candidates = new ArrayList<>();
            collection.find(claimable).sort(Sorts.ascending(OutboxEntries.PENDING_SINCE_FIELD)).limit(wanted)
                    .projection(Projections.include("_id")).forEach(d -> candidates.add(d.get("_id")));
            if (candidates.isEmpty()) {
                continue;
            }
            String round = owner + "/" + UUID.randomUUID();
            collection.updateMany(and(in("_id", candidates), claimable), Updates.set(OutboxEntries.LEASE_FIELD,
                    new Document("owner", owner).append("until", until).append("round", round)));
            collection.find(and(in("_id", candidates), eq(OutboxEntries.LEASE_FIELD + ".round", round)))
                    .sort(Sorts.ascending(OutboxEntries.PENDING_SINCE_FIELD))
                    .projection(Projections.include(OutboxEntries.FIELD))
                    .forEach(d -> claims.add(new Claim(collection, d.get("_id"), round,
                            d.getList(OutboxEntries.FIELD, Document.class))));
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

    /** Collects which events the broker acknowledged; removing them happens per collection in {@link #release}. */
    private int awaitAcks(Claim claim) {
        for (Send send : claim.sends) {
            try {
                send.result.get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                claim.acknowledged.add(send.entry.getString(OutboxEntries.EVENT_ID));
                Date occurredAt = send.entry.getDate(OutboxEntries.OCCURRED_AT);
                publishLag.record(Duration.between(occurredAt.toInstant(), clock.instant()));
                Counter.builder("ucp.outbox.published").description("Events the broker acknowledged, by type")
                        .tag("type", send.entry.getString(OutboxEntries.TYPE)).register(meters).increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                failed.increment();
                log.warn("Event {} was not acknowledged by Kafka, it stays in the outbox: {}",
                        send.entry.get(OutboxEntries.EVENT_ID), e.toString());
            }
        }
        return claim.acknowledged.size();
    }

    /**
     * Per collection, three writes for the whole round: pull the acknowledged events (by event id,
     * so it is right even if our lease ran out meanwhile), mark drained documents as no longer
     * pending, and give up this round's leases.
     */
    private void release(List<Claim> claims) {
        Map<MongoCollection<Document>, List<Claim>> byCollection = new LinkedHashMap<>();
        claims.forEach(c -> byCollection.computeIfAbsent(c.collection, k -> new ArrayList<>()).add(c));
        byCollection.forEach((collection, ofCollection) -> {
            List<UpdateOneModel<Document>> pulls = new ArrayList<>();
            for (Claim claim : ofCollection) {
                if (!claim.acknowledged.isEmpty()) {
                    pulls.add(new UpdateOneModel<>(eq("_id", claim.id), Updates.pullByFilter(
                            new Document(OutboxEntries.FIELD, in(OutboxEntries.EVENT_ID, claim.acknowledged)))));
                }
            }
            if (!pulls.isEmpty()) {
                collection.bulkWrite(pulls, new BulkWriteOptions().ordered(false));
            }
            List<Object> ids = ofCollection.stream().map(c -> c.id).toList();
            // Only where nothing is left: an event written since keeps the document pending.
            collection.updateMany(and(in("_id", ids), exists(OutboxEntries.FIELD + ".0", false)),
                    Updates.unset(OutboxEntries.PENDING_SINCE_FIELD));
            for (String round : ofCollection.stream().map(c -> c.round).distinct().toList()) {
                collection.updateMany(and(in("_id", ids), eq(OutboxEntries.LEASE_FIELD + ".round", round)),
                        Updates.unset(OutboxEntries.LEASE_FIELD));
            }
        });
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

    /** At most every two seconds: the gauge is for dashboards, the count is a query. */
    private void refreshPendingGauge() {
        Instant now = clock.instant();
        if (now.isBefore(pendingRefreshedAt.plus(PENDING_REFRESH))) {
            return;
        }
        pendingRefreshedAt = now;
        long total = 0;
        for (MongoCollection<Document> collection : collections) {
            for (Document d : collection.find(exists(OutboxEntries.PENDING_SINCE_FIELD))
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
        final String round;
        final List<Document> entries;
        final List<Send> sends = new ArrayList<>();
        final List<String> acknowledged = new ArrayList<>();

        Claim(MongoCollection<Document> collection, Object id, String round, List<Document> entries) {
            this.collection = collection;
            this.id = id;
            this.round = round;
            this.entries = entries;
        }
    }

    private record Send(Document entry, CompletableFuture<?> result) {
    }
}
