package org.urbancooperation.partnership.partnership.application;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.urbancooperation.partnership.partnership.domain.PartnershipStatus;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The business metric {@code ucp_partnerships{status}}: how many partnerships are in each status, counted in the
 * database (not guessed in memory, so it is right after a restart and with several replicas), every
 * {@code interval} and soon after a change of status.
 */
public class PartnershipStatusGauges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartnershipStatusGauges.class);

    private static final Duration COALESCE = Duration.ofSeconds(1);

    private final PartnershipRepository partnerships;
    private final java.util.concurrent.atomic.AtomicBoolean refreshPending = new java.util.concurrent.atomic.AtomicBoolean();
    private final Map<PartnershipStatus, AtomicLong> counts = new EnumMap<>(PartnershipStatus.class);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "partnership-status-gauges");
        thread.setDaemon(true);
        return thread;
    });

    public PartnershipStatusGauges(PartnershipRepository partnerships, MeterRegistry meters, Duration interval) {
        this.partnerships = partnerships;
        for (PartnershipStatus status : PartnershipStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("ucp.partnerships", count, AtomicLong::get)
                    .description("Partnerships by lifecycle status, counted in the database")
                    .tag("status", status.name()).register(meters);
        }
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Counts again now (on the caller's thread). */
    public void refresh() {
        try {
            partnerships.countByStatus().forEach((status, count) -> counts.get(status).set(count));
        } catch (RuntimeException e) {
            // Keep the last counts: a database that is briefly away is seen in its own health check and metrics.
            log.warn("Could not count partnerships by status: {}", e.toString());
        }
    }

    /**
     * Counts again soon, off the request's thread (after a status change): at most once a second however many
     * changes came, since the count reads every partnership (a collection scan where indexes are not used, as on
     * the embedded Mongo server): one per command made the pipeline's cost grow with the partnerships stored.
     */
    public void refreshSoon() {
        if (!scheduler.isShutdown() && refreshPending.compareAndSet(false, true)) {
            try {
                scheduler.schedule(() -> {
                    refreshPending.set(false);
                    refresh();
                }, COALESCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                refreshPending.set(false);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
