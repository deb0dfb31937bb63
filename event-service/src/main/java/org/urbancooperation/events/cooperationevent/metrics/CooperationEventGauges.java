package org.urbancooperation.events.cooperationevent.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.urbancooperation.events.cooperationevent.application.CooperationEventRepository;
import org.urbancooperation.events.cooperationevent.application.CooperationEventRepository.StatusAndKind;
import org.urbancooperation.events.cooperationevent.domain.EventKind;
import org.urbancooperation.events.cooperationevent.domain.EventStatus;
import org.urbancooperation.support.observability.PeriodicRecount;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The business metric {@code ucp_cooperation_events{status,kind}}: how many cooperation events are in each status,
 * per kind, counted in the database every interval and soon after a change ({@link PeriodicRecount}), so every
 * replica reports the same figures and a restart loses none. Every pair is registered up front, so that a pair with
 * no events reads 0 rather than being absent (a Grafana sum over an absent series would show a gap).
 */
public class CooperationEventGauges implements AutoCloseable {

    private static final Duration COALESCE = Duration.ofSeconds(1);

    private final CooperationEventRepository events;
    private final Map<StatusAndKind, AtomicLong> counts = new HashMap<>();
    private final PeriodicRecount recount;

    public CooperationEventGauges(CooperationEventRepository events, MeterRegistry meters, Duration interval) {
        this.events = events;
        for (EventStatus status : EventStatus.values()) {
            for (EventKind kind : EventKind.values()) {
                AtomicLong count = new AtomicLong();
                counts.put(new StatusAndKind(status, kind), count);
                Gauge.builder("ucp_cooperation_events", count, AtomicLong::get)
                        .description("Cooperation events by status and kind (from the database)")
                        .tag("status", status.name()).tag("kind", kind.name())
                        .register(meters);
            }
        }
        this.recount = new PeriodicRecount("ucp-cooperation-event-gauges", interval, COALESCE, this::refresh);
    }

    /** Counts again now (on the caller's thread). */
    public void refresh() {
        Map<StatusAndKind, Long> found = events.countByStatusAndKind();
        // A pair whose last event moved on is absent from the count: it reads 0 again.
        counts.forEach((pair, count) -> count.set(found.getOrDefault(pair, 0L)));
    }

    /** Counts again soon, off the request's thread (after an event was created or changed), many in one count. */
    public void refreshSoon() {
        recount.soon();
    }

    @Override
    public void close() {
        recount.close();
    }
}
