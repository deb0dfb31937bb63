package org.urbancooperation.support.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.IntegrationEventType;
import org.urbancooperation.contracts.InvalidIntegrationEventException;
import org.urbancooperation.support.observability.CorrelationId;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Routes each consumed record to the handlers of its type: validates it against the contract,
 * maps the payload, sets the correlation id for the log lines, and counts the outcome. Several features of
 * one service may read the same type into read models of their own (indicator actuals and the results
 * report's calendar both read {@code events.CooperationEventHeld}): each handler is called in turn, and the
 * record counts as applied when any of them applied it. A handler that throws has the record retried, so
 * the ones before it see it again: they are idempotent, as every handler must be.
 */
public final class IntegrationEventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventDispatcher.class);

    private final Map<IntegrationEventType, List<IntegrationEventHandler<?>>> handlers = new HashMap<>();
    private final IntegrationEventMapper mapper;
    private final IntegrationEventSchemas schemas;
    private final MeterRegistry meters;
    private final Map<String, Timer> appliedAge = new ConcurrentHashMap<>();
    private final Clock clock;

    public IntegrationEventDispatcher(List<IntegrationEventHandler<?>> handlers, IntegrationEventMapper mapper,
            IntegrationEventSchemas schemas, MeterRegistry meters, Clock clock) {
        this.clock = clock;
        for (IntegrationEventHandler<?> handler : handlers) {
            IntegrationEventType type = IntegrationEventType.of(handler.eventClass());
            List<IntegrationEventHandler<?>> ofType = this.handlers.computeIfAbsent(type, t -> new ArrayList<>());
            if (ofType.contains(handler)) {
                throw new IllegalStateException("the same handler twice for " + type.typeName());
            }
            ofType.add(handler);
        }
        this.mapper = mapper;
        this.schemas = schemas;
        this.meters = meters;
    }

    /** The topics that carry the handled types. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        handlers.keySet().forEach(type -> topics.add(type.topic()));
        return topics;
    }

    /**
     * How far behind the producer this service's read model is: from the event's occurredAt (set in the
     * producing service's command, committed in the same write) to the moment it was applied here. It spans
     * the outbox relay, Kafka and this consumer, so it is the read model's freshness as a user meets it.
     */
    private Timer appliedAge(String type) {
        return appliedAge.computeIfAbsent(type, t -> Timer.builder("ucp.events.applied.age")
                .description("Time from an event's occurrence in its producing service until this service applied it")
                .tag("type", t)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(meters));
    }

    public void dispatch(ConsumerRecord<String, EventEnvelope> record) {
        EventEnvelope envelope = record.value();
        if (envelope == null) {
            throw new InvalidIntegrationEventException("record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no value", List.of("value: missing"));
        }
        try (CorrelationId.Scope ignored = CorrelationId.open(envelope.correlationId())) {
            IntegrationEventType type = IntegrationEventType.byName(envelope.type(), envelope.version()).orElse(null);
            List<IntegrationEventHandler<?>> ofType = type == null ? null : handlers.get(type);
            if (ofType == null) {
                // Another consumer's type, or a version this service does not read yet.
                Counter.builder("ucp.events.ignored").description("Events on a subscribed topic that this service does not read")
                        .tag("type", envelope.type()).register(meters).increment();
                return;
            }
            schemas.requireValid(envelope);
            HandlingOutcome outcome = null;
            for (IntegrationEventHandler<?> handler : ofType) {
                HandlingOutcome one = handle(handler, envelope);
                outcome = outcome == null || one == HandlingOutcome.APPLIED ? one : outcome;
            }
            Counter.builder("ucp.events.consumed").description("Consumed events by outcome: applied, duplicate or stale")
                    .tags("type", envelope.type(), "outcome", outcome.name().toLowerCase()).register(meters).increment();
            if (outcome == HandlingOutcome.APPLIED) {
                appliedAge(envelope.type()).record(Duration.between(envelope.occurredAt(), clock.instant()));
            }
            log.debug("{} {} for {} {}: {}", envelope.type(), envelope.eventId(), envelope.aggregateType(),
                    envelope.aggregateId(), outcome);
        }
    }

    private <T extends IntegrationEvent> HandlingOutcome handle(IntegrationEventHandler<T> handler,
            EventEnvelope envelope) {
        T event = mapper.payload(envelope, handler.eventClass());
        return handler.handle(event, envelope);
    }
}
