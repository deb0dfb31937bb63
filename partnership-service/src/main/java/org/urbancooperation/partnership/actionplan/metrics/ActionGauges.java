package org.urbancooperation.partnership.actionplan.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.urbancooperation.partnership.actionplan.application.ActionRepository;
import org.urbancooperation.partnership.actionplan.domain.ActionStatus;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code ucp_actions{status}} and {@code ucp_actions_overdue}, counted in the database every 30 seconds (not
 * kept in memory from the commands this replica saw), so they are right after a restart and with several replicas.
 * A scrape reads the last counts and never waits for the database.
 */
public class ActionGauges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActionGauges.class);

    private final ActionRepository actions;
    private final Clock clock;
    private final Map<ActionStatus, AtomicLong> byStatus = new EnumMap<>(ActionStatus.class);
    private final AtomicLong overdue = new AtomicLong();
    private final ScheduledExecutorService refresher;

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
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ucp-action-gauges");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Counts again now. */
    public void refresh() {
        Map<ActionStatus, Long> counts = actions.countByStatus();
        counts.forEach((status, count) -> byStatus.get(status).set(count));
        overdue.set(actions.countOverdue(LocalDate.now(clock)));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The database may be down for a while: keep the last counts and try again at the next round.
            log.warn("Could not count actions for the gauges: {}", e.toString());
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
