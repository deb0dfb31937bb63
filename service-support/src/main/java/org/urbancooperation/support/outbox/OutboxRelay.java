package org.urbancooperation.support.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.urbancooperation.support.mongo.ScanSpacing;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaOperations;
import org.urbancooperation.contracts.KafkaHeaders;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes the events waiting in aggregate documents' outboxes to Kafka.
 *
 * <p>Two ways to find work, one way to publish it:
 * <ul>
 * <li><b>After each write</b> ({@link #publishWritten()}, the hot path): the writer tells the relay
 * which document it wrote ({@link OutboxSignal}); the relay reads exactly those documents by
 * {@code _id}. Every query and write on this path is a point lookup on {@code _id} (or on a unique
 * index that starts with it), so its cost does not grow with the number of aggregates stored, even
 * on mongo-java-server, which scans the collection for any other query.
 * <li><b>Safety net</b> ({@link #publishPending()}, on its own thread, at start-up and every {@code pollInterval}, or
 * less often where its scan is slow: {@link ScanSpacing}):
 * scans for documents still marked pending ({@code outboxSince}): events left by a crash between a
 * write and its publication, by a failed round, or by another replica whose lease expired. It also
 * recounts the pending gauge, which the hot path only adjusts.
 * </ul>
 *
 * <p>The hot path takes no lease: only the writer's replica is signalled, and another replica's safety net leaves
 * a document alone until it has been pending for {@code claimGrace} (3 s). The safety net's claim sets a lease
 * ({@code owner, until, round}) with a conditional {@code updateMany}, so two safety nets never publish the same
 * document's events at once. A round sends all its events without waiting in between, waits for the acks of the
 * whole batch ({@code acks=all}, idempotent producer), then removes the acknowledged events: in the common case
 * (all acknowledged, nothing appended since) in one write on {@code (_id, version)}, otherwise by {@code $pull} of
 * exactly the acknowledged ones. A crash between ack and removal republishes the event, as does a hot path slower
 * than the grace: a duplicate, which consumers ignore, never a loss.
 */
public final class OutboxRelay implements OutboxSignal, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration ACK_WAIT = Duration.ofSeconds(45);
    /** Beyond this many signalled documents waiting, further signals are dropped: the safety net finds them. */
    private static final int MAX_SIGNALLED = 100_000;

    private final List<MongoCollection<Document>> collections = new CopyOnWriteArrayList<>();
    private final KafkaOperations<String, Object> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String owner = "relay-" + UUID.randomUUID();
    private final Semaphore signal = new Semaphore(0);
    private final ConcurrentLinkedQueue<Written> written = new ConcurrentLinkedQueue<>();
    private final AtomicInteger writtenSize = new AtomicInteger();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong pendingChanges = new AtomicLong();
    private final MeterRegistry meters;
    private final Counter failed;
    private final Timer publishLag;

    private volatile boolean running;
    private volatile Thread worker;
    private volatile Thread sweeper;
    private final Semaphore sweepWake = new Semaphore(0);

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
        Gauge.builder("ucp.outbox.pending", pending, p -> Math.max(0, p.get()))
                .description("Events written to outboxes and not yet acknowledged by Kafka")
                .register(meters);
    }

    /** Adds an aggregate collection whose documents carry an outbox. */
    public void register(MongoCollection<Document> collection) {
        collections.add(collection);
    }

    @Override
    public void eventsWritten(MongoCollection<Document> collection, Object id, int events) {
        adjustPending(events);
        enqueue(new Written(collection, id));
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    private void enqueue(Written document) {
        if (writtenSize.incrementAndGet() > MAX_SIGNALLED) {
            writtenSize.decrementAndGet();
            return;
        }
        written.add(document);
    }

    /**
     * The hot path: publishes the events of the documents signalled since the last call, claiming
     * each by {@code _id}. Documents another live relay holds are left to it.
     *
     * @return how many events the broker acknowledged
     */
    public int publishWritten() {
        Map<MongoCollection<Document>, Set<Object>> signalled = new LinkedHashMap<>();
        int taken = 0;
        Written next;
        while (taken < properties.documentsPerRound() && (next = written.poll()) != null) {
            writtenSize.decrementAndGet();
            if (signalled.computeIfAbsent(next.collection, k -> new LinkedHashSet<>()).add(next.id)) {
                taken++;
            }
        }
        if (signalled.isEmpty()) {
            return 0;
        }
        List<Claim> claims = new ArrayList<>();
        signalled.forEach((collection, ids) -> claims.addAll(claimByIds(collection, ids)));
        return publish(claims);
    }

    /**
     * One safety-net round over all registered collections: a scan for pending documents, so it runs
     * at start-up and every {@code pollInterval}, not after each write. When the round finds less
     * than a full batch, the pending gauge is recounted as well.
     *
     * @return how many events the broker acknowledged
     */
    public int publishPending() {
        List<Claim> claims = claimPending();
        int published = publish(claims);
        if (claims.size() < properties.documentsPerRound()) {
            recountPending();
        }
        return published;
    }

    private int publish(List<Claim> claims) {
        if (claims.isEmpty()) {
            return 0;
        }
        send(claims);
        int published = 0;
        for (Claim claim : claims) {
            published += awaitAcks(claim);
        }
        adjustPending(-published);
        release(claims);
        return published;
    }

    /**
     * The hot path's documents by {@code _id}: one read of all of them ({@code _id $in}), no write. The writer's
     * own relay publishes what it just wrote without taking a lease: a lease would cost a write per document, and
     * all it prevents is a second relay publishing the same events at the same moment, which only the safety net
     * of another replica could do, and only for a document that stays pending longer than
     * {@code ucp.outbox.claim-grace}. A duplicate is harmless (consumers are idempotent); a loss is not, and none
     * is possible: the events leave the document only after the broker acknowledged them. Documents that another
     * live relay holds a lease on are left to it.
     */
    private List<Claim> claimByIds(MongoCollection<Document> collection, Set<Object> ids) {
        List<Claim> claims = new ArrayList<>();
        Date now = Date.from(clock.instant());
        List<Document> found = collection.find(new Document("_id", new Document("$in", new ArrayList<>(ids))))
                .projection(Projections.include(OutboxEntries.FIELD, OutboxEntries.LEASE_FIELD, "version"))
                .into(new ArrayList<>());
        for (Document document : found) {
            List<Document> entries = document.getList(OutboxEntries.FIELD, Document.class);
            if (entries == null || entries.isEmpty()) {
                continue;
            }
            Document lease = document.get(OutboxEntries.LEASE_FIELD, Document.class);
            if (lease != null && lease.getDate("until") != null && !lease.getDate("until").before(now)) {
                continue; // another relay is publishing it; if it dies, the safety net will
            }
            claims.add(new Claim(collection, document.get("_id"), null, document.get("version"), entries));
        }
        return claims;
    }

    /**
     * The safety net's claim, in three queries per collection whatever N is: find candidates (oldest
     * pending first, by time and then by sequence, so the order of writes holds within a millisecond; a collection scan on mongo-java-server, the sparse index on MongoDB), lease those
     * still free in one {@code updateMany} tagged with this round, read back the ones this round got.
     * Another relay racing for the same documents gets the others; the per-document filter decides.
     */
    private List<Claim> claimPending() {
        List<Claim> claims = new ArrayList<>();
        Date now = Date.from(clock.instant());
        Date until = Date.from(clock.instant().plus(properties.lease()));
        // Pending for longer than the grace: a document written a moment ago is its writer's hot path's to publish.
        Date settled = Date.from(clock.instant().minus(properties.claimGrace()));
        Bson claimable = and(lte(OutboxEntries.PENDING_SINCE_FIELD, settled),
                or(exists(OutboxEntries.LEASE_FIELD, false), lt(OutboxEntries.LEASE_FIELD + ".until", now)));
        for (MongoCollection<Document> collection : collections) {
            int wanted = properties.documentsPerRound() - claims.size();
            if (wanted <= 0) {
                break;
            }
            List<Object> candidates = new ArrayList<>();
            collection.find(claimable)
                    .sort(Sorts.ascending(OutboxEntries.PENDING_SINCE_FIELD, OutboxEntries.PENDING_SEQUENCE_FIELD))
                    .limit(wanted)
                    .projection(Projections.include("_id")).forEach(d -> candidates.add(d.get("_id")));
            if (candidates.isEmpty()) {
                continue;
            }
            String round = owner + "/" + UUID.randomUUID();
            collection.updateMany(and(in("_id", candidates), claimable), Updates.set(OutboxEntries.LEASE_FIELD,
                    new Document("owner", owner).append("until", until).append("round", round)));
            collection.find(new Document("_id", new Document("$in", candidates)))
                    .projection(Projections.include(OutboxEntries.FIELD, OutboxEntries.LEASE_FIELD, "version"))
                    .forEach(d -> {
                        Document lease = d.get(OutboxEntries.LEASE_FIELD, Document.class);
                        if (lease != null && round.equals(lease.get("round"))) {
                            List<Document> entries = d.getList(OutboxEntries.FIELD, Document.class);
                            claims.add(new Claim(collection, d.get("_id"), round, d.get("version"),
                                    entries == null ? List.of() : entries));
                        }
                    });
        }
        return claims;
    }

    /**
     * Hands the round's events to the producer in the order they were written ({@link OutboxEntries#SEQUENCE}),
     * across all claimed documents, whatever order the documents were found in. The producer keeps that order per
     * partition (idempotent, acks=all), so two writes one after the other, e.g. a new API key and then the
     * revocation of the key it replaces, reach a partition in that order when they leave in one round, and when
     * the first left in an earlier round anyway.
     */
    private void send(List<Claim> claims) {
        List<Map.Entry<Claim, Document>> inWrittenOrder = new ArrayList<>();
        for (Claim claim : claims) {
            for (Document entry : claim.entries) {
                inWrittenOrder.add(Map.entry(claim, entry));
            }
        }
        // Stable: entries without a sequence (written before it existed) keep their order within a document.
        inWrittenOrder.sort(Comparator.comparingLong(e -> OutboxEntries.sequenceOf(e.getValue())));
        for (Map.Entry<Claim, Document> next : inWrittenOrder) {
            Document entry = next.getValue();
            try {
                next.getKey().sends.add(new Send(entry, kafka.send(record(entry))));
            } catch (RuntimeException e) {
                // Synchronous failure (e.g. no metadata within max.block.ms): the broker is away,
                // so leave the rest for the next round instead of blocking once per event.
                log.warn("Outbox relay could not hand event {} to the producer: {}", entry.get(OutboxEntries.EVENT_ID),
                        e.toString());
                failed.increment();
                return;
            }
        }
    }

    /** Collects which events the broker acknowledged; removing them happens in {@link #release}. */
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
     * Per document, point writes only: pull the acknowledged events and drop our lease in one
     * compare-and-set on our round (if the lease was lost meanwhile, pull them by {@code _id} anyway:
     * acknowledged is acknowledged); when the outbox is then empty, unmark it as pending with a
     * compare-and-set on the version just read, so an event a writer appended in between keeps the
     * document pending. Events appended while we held the lease are published by id next round.
     */
    private void release(List<Claim> claims) {
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                .projection(Projections.include(OutboxEntries.FIELD, "version"));
        for (Claim claim : claims) {
            if (releaseAll(claim)) {
                continue;
            }
            Bson pull = Updates.pullByFilter(new Document(OutboxEntries.FIELD,
                    new Document(OutboxEntries.EVENT_ID, new Document("$in", claim.acknowledged))));
            Bson unlease = Updates.unset(OutboxEntries.LEASE_FIELD);
            Document left = claim.collection.findOneAndUpdate(
                    new Document("_id", claim.id).append(OutboxEntries.LEASE_ROUND_FIELD, claim.round),
                    claim.acknowledged.isEmpty() ? unlease : Updates.combine(pull, unlease), after);
            if (left == null && !claim.acknowledged.isEmpty()) {
                left = claim.collection.findOneAndUpdate(new Document("_id", claim.id), pull, after);
            }
            if (left == null) {
                continue;
            }
            List<Document> entries = left.getList(OutboxEntries.FIELD, Document.class);
            if (entries == null || entries.isEmpty()) {
                claim.collection.updateOne(new Document("_id", claim.id).append("version", left.get("version")),
                        Updates.combine(Updates.unset(OutboxEntries.PENDING_SINCE_FIELD),
                                Updates.unset(OutboxEntries.PENDING_SEQUENCE_FIELD)));
            } else if (!claim.acknowledged.isEmpty()) {
                // Written while we published: the writer's signal may have found our lease. After a
                // failed round they stay for the safety net instead, with back-off.
                enqueue(new Written(claim.collection, claim.id));
            }
        }
    }

    /**
     * The common case in one point write: every event read was acknowledged and the aggregate's version is still
     * the one read (so nothing was appended since: appends bump it), so the outbox can go as a whole, with the
     * pending mark and any lease, on the unique {@code (_id, version)} index. Otherwise (a partial ack,
     * or events written meanwhile) the caller's per-event path runs.
     */
    private boolean releaseAll(Claim claim) {
        if (claim.version == null || claim.acknowledged.isEmpty() || claim.acknowledged.size() != claim.entries.size()) {
            return false;
        }
        // Any lease goes too: ours, or one that expired and was still on the document; a relay that took the
        // document over meanwhile finds its round gone and pulls by id, as after a lost lease.
        Bson done = Updates.combine(Updates.set(OutboxEntries.FIELD, List.of()),
                Updates.unset(OutboxEntries.PENDING_SINCE_FIELD), Updates.unset(OutboxEntries.PENDING_SEQUENCE_FIELD),
                Updates.unset(OutboxEntries.LEASE_FIELD));
        return claim.collection.updateOne(new Document("_id", claim.id).append("version", claim.version), done)
                .getMatchedCount() == 1;
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

    /**
     * Recounts the pending gauge in the safety-net pass (a scan); between passes, signalled writes
     * add to it and acknowledgements subtract from it.
     */
    private void recountPending() {
        // The hot path adjusts the gauge on its own thread meanwhile: a count that overlapped an adjustment may
        // include it or not, so only a count during which nothing changed replaces the adjusted value.
        long changesBefore = pendingChanges.get();
        long total = 0;
        for (MongoCollection<Document> collection : collections) {
            for (Document d : collection.find(exists(OutboxEntries.PENDING_SINCE_FIELD))
                    .projection(Projections.include(OutboxEntries.FIELD))) {
                List<Document> entries = d.getList(OutboxEntries.FIELD, Document.class);
                total += entries == null ? 0 : entries.size();
            }
        }
        if (pendingChanges.get() == changesBefore) {
            pending.set(total);
        }
    }

    private void adjustPending(long delta) {
        pendingChanges.incrementAndGet();
        pending.addAndGet(delta);
    }

    // ---- lifecycle: two background threads per service instance, the hot path and the safety net ----

    @Override
    public void start() {
        if (!properties.relayEnabled() || running) {
            return;
        }
        running = true;
        worker = new Thread(this::publishLoop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
        sweeper = new Thread(this::sweepLoop, "outbox-relay-safety-net");
        sweeper.setDaemon(true);
        sweeper.start();
    }

    @Override
    public void stop() {
        running = false;
        signal.release();
        sweepWake.release();
        for (Thread thread : new Thread[] {worker, sweeper}) {
            if (thread != null) {
                try {
                    thread.join(Duration.ofSeconds(10).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
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

    /**
     * The hot path's thread: publishes signalled writes as they come, and backs off while the broker fails. It never
     * waits for the safety net's scans, which run on their own thread ({@link #sweepLoop}).
     */
    private void publishLoop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            long failedBefore = (long) failed.count();
            try {
                int published = publishWritten();
                if ((long) failed.count() > failedBefore) {
                    backoff = nextBackoff(backoff);
                    sleep(backoff);
                    continue;
                }
                backoff = Duration.ZERO;
                if (published == 0 && written.isEmpty()) {
                    awaitSignal(properties.pollInterval());
                }
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed, retrying: {}", e.toString());
                backoff = nextBackoff(backoff);
                sleep(backoff);
            }
        }
    }

    /**
     * The safety net's thread: a pass at start-up, then again back to back while it finds work, else after
     * {@code pollInterval} or {@link ScanSpacing} times what the pass took, whichever is longer (its scans hold
     * the collection on the embedded Mongo server); backs off while the broker fails.
     */
    private void sweepLoop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            long failedBefore = (long) failed.count();
            long started = System.nanoTime();
            try {
                int swept = publishPending();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                if ((long) failed.count() > failedBefore) {
                    backoff = nextBackoff(backoff);
                    awaitSweep(backoff);
                    continue;
                }
                backoff = Duration.ZERO;
                if (swept == 0) {
                    awaitSweep(ScanSpacing.after(properties.pollInterval(), took));
                }
            } catch (RuntimeException e) {
                log.warn("Outbox relay safety-net pass failed, retrying: {}", e.toString());
                backoff = nextBackoff(backoff);
                awaitSweep(backoff);
            }
        }
    }

    private Duration nextBackoff(Duration backoff) {
        return backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), properties.maxBackoff());
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

    /** The safety net's wait: only {@link #stop()} cuts it short. */
    private void awaitSweep(Duration timeout) {
        try {
            sweepWake.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
        /** The safety net's lease round; null on the hot path, which takes no lease. */
        final String round;
        /** The aggregate version when the entries were read: unchanged means no event was appended since. */
        final Object version;
        final List<Document> entries;
        final List<Send> sends = new ArrayList<>();
        final List<String> acknowledged = new ArrayList<>();

        Claim(MongoCollection<Document> collection, Object id, String round, Object version, List<Document> entries) {
            this.collection = collection;
            this.id = id;
            this.round = round;
            this.version = version;
            this.entries = entries;
        }
    }

    private record Send(Document entry, CompletableFuture<?> result) {
    }

    private record Written(MongoCollection<Document> collection, Object id) {
    }
}
