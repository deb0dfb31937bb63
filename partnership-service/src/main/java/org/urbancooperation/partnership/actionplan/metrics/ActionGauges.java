package org.urbancooperation.partnership.actionplan.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.urbancooperation.partnership.actionplan.application.ActionRepository;
import org.urbancooperation.partnership.actionplan.domain.ActionStatus;
import org.urbancooperation.support.observability.PeriodicRecount;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code ucp_actions{status}} and {@code ucp_actions_overdue}, counted in the database every 30 seconds
 * ({@link PeriodicRecount}: spaced by the count's own cost where actions are many).
 */
public class ActionGauges implements AutoCloseable {

    private final ActionRepository actions;
    private final Clock clock;
    private final Map<ActionStatus, AtomicLong> byStatus = new EnumMap<>(ActionStatus.class);
    private final AtomicLong overdue = new AtomicLong();
    private final PeriodicRecount recount;

    public ActionGauges(ActionRepository actions, Clock clock, MeterRegistry meters, Duration interval) {
        this.actions = actions;
        this.clock = clock;
        for (ActionStatus status : ActionStatus.values()) {
            AtomicLong count = new AtomicLong();
            byStatus.put(status, count);
            Gauge.builder("ucp_actions", count, AtomicLong::get)
                    .description("Actions of all partnerships' action plans, by status (from the database)")
                    .tag("status", status.name())
                    .register(meters);
        }
        Gauge.builder("ucp_actions_overdue", overdue, AtomicLong::get)
                .description("Actions planned, underway or postponed whose planned window ended before today (UTC)")
                .register(meters);
        this.recount = new PeriodicRecount("ucp-action-gauges", interval, interval, this::refresh);
    }

    /** Counts again now. */
    public void refresh() {
        Map<ActionStatus, Long> counts = actions.countByStatus();
        counts.forEach((status, count) -> byStatus.get(status).set(count));
        overdue.set(actions.countOverdue(LocalDate.now(clock)));
    }

    @Override
    public void close() {
        recount.close();
    }
}
