package org.urbancooperation.support.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.contracts.IntegrationEventType;
import org.urbancooperation.support.observability.CorrelationId;

/**
 * Turns the events an aggregate raised into outbox entries: the complete envelope, serialized once
 * at write time, plus the fields the relay needs for the Kafka record (topic, key, headers).
 */
public final class OutboxEntries {

    /** The array of pending events in each aggregate document. */
    public static final String FIELD = "outbox";
    /** {@code {owner, until, round}} while a relay instance is publishing the document's events. */
    public static final String LEASE_FIELD = "outboxLease";
    /**
     * When the oldest pending event was written; present exactly while the outbox is not empty. The
     * relay finds work through a sparse index on it instead of scanning every aggregate.
     */
    public static final String PENDING_SINCE_FIELD = "outboxSince";
    /**
     * The lease's round: unique per claim. The relay's by-id claim and release compare-and-set on
     * {@code {_id, outboxLease.round}}, which a unique index makes a point lookup even on
     * mongo-java-server (it only uses an index whose keys are exactly the query's fields).
     */
    public static final String LEASE_ROUND_FIELD = LEASE_FIELD + ".round";
    /**
     * The {@link #SEQUENCE} of the oldest pending event; present exactly while {@link #PENDING_SINCE_FIELD} is. The
     * safety net takes documents in ({@code outboxSince}, {@code outboxSeq}) order, so two writes in the same
     * millisecond still leave in the order they were made.
     */
    public static final String PENDING_SEQUENCE_FIELD = "outboxSeq";
    /**
     * Each entry's place in the order this service wrote its events: strictly increasing within one process (a
     * second write gets a higher number than the first, even within one millisecond or with a fixed clock), close
     * to the writing instant in microseconds, so replicas' entries interleave roughly by time. The relay sends the
     * events of a round in this order.
     */
    public static final String SEQUENCE = "seq";

    static final String EVENT_ID = "eventId";
    static final String TYPE = "type";
    static final String VERSION = "version";
    static final String TOPIC = "topic";
    static final String KEY = "key";
    static final String OCCURRED_AT = "occurredAt";
    static final String PRODUCER = "producer";
    static final String CORRELATION_ID = "correlationId";
    static final String SCHEMA = "dataschema";
    static final String ENVELOPE = "envelope";

    private final IntegrationEventMapper mapper;
    private final String producer;
    private final Clock clock;
    private final AtomicLong lastSequence = new AtomicLong();

    public OutboxEntries(IntegrationEventMapper mapper, String producer, Clock clock) {
        this.mapper = mapper;
        this.producer = producer;
        this.clock = clock;
    }

    /** The value of {@link #PENDING_SINCE_FIELD} for events written now. */
    public Date now() {
        return Date.from(clock.instant());
    }

    /** The entries of {@code events}, in their order, each with the next {@link #SEQUENCE} number. */
    public List<Document> entries(List<? extends IntegrationEvent> events, long aggregateVersion) {
        String correlationId = CorrelationId.current();
        return events.stream().map(event -> entry(event, aggregateVersion, correlationId)).toList();
    }

    /** The {@link #SEQUENCE} of an entry; 0 for entries written before there was one (they are older). */
    public static long sequenceOf(Document entry) {
        Object sequence = entry.get(SEQUENCE);
        return sequence instanceof Number number ? number.longValue() : 0L;
    }

    /** Never less than the clock in microseconds, always more than the number handed out before. */
    private long nextSequence() {
        Instant now = clock.instant();
        long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
        return lastSequence.accumulateAndGet(micros, (last, clockNow) -> Math.max(last + 1, clockNow));
    }

    private Document entry(IntegrationEvent event, long aggregateVersion, String correlationId) {
        IntegrationEventType type = IntegrationEventType.of(event);
        EventEnvelope envelope = mapper.envelope(event, aggregateVersion, producer, correlationId, clock);
        Document entry = new Document(EVENT_ID, envelope.eventId().toString())
                .append(SEQUENCE, nextSequence())
                .append(TYPE, envelope.type())
                .append(VERSION, envelope.version())
                .append(TOPIC, type.topic())
                .append(KEY, envelope.aggregateId())
                .append(OCCURRED_AT, Date.from(envelope.occurredAt()))
                .append(PRODUCER, producer)
                .append(SCHEMA, type.schemaUri())
                .append(ENVELOPE, mapper.toJson(envelope));
        if (correlationId != null) {
            entry.append(CORRELATION_ID, correlationId);
        }
        return entry;
    }
}
