package org.urbancooperation.partnership.partnership.application;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.urbancooperation.partnership.partnership.domain.PartnershipStatus;
import org.urbancooperation.support.observability.PeriodicRecount;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The business metric {@code ucp_partnerships{status}}: how many partnerships are in each status, counted in the
 * database every {@code interval} and soon after a change of status ({@link PeriodicRecount}: spaced by the count's
 * own cost, so with many partnerships stored the count is older rather than the database busier).
 */
public class PartnershipStatusGauges implements AutoCloseable {

    private static final Duration COALESCE = Duration.ofSeconds(1);

    private final PartnershipRepository partnerships;
    private final Map<PartnershipStatus, AtomicLong> counts = new EnumMap<>(PartnershipStatus.class);
    private final PeriodicRecount recount;

    public PartnershipStatusGauges(PartnershipRepository partnerships, MeterRegistry meters, Duration interval) {
        this.partnerships = partnerships;
        for (PartnershipStatus status : PartnershipStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("ucp.partnerships", count, AtomicLong::get)
                    .description("Partnerships by lifecycle status, counted in the database")
                    .tag("status", status.name()).register(meters);
        }
        this.recount = new PeriodicRecount("partnership-status-gauges", interval, COALESCE, this::refresh);
    }

    /** Counts again now (on the caller's thread). */
    public void refresh() {
        partnerships.countByStatus().forEach((status, count) -> counts.get(status).set(count));
    }

    /** Counts again soon, off the request's thread (after a status change), many changes in one count. */
    public void refreshSoon() {
        recount.soon();
    }

    @Override
    public void close() {
        recount.close();
    }
}
