package org.urbancooperation.matching.match.application;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.urbancooperation.matching.match.domain.MatchStatus;
import org.urbancooperation.support.observability.PeriodicRecount;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The business metrics {@code ucp_matching_matches{status}} (how many matches are in each status; the acceptance
 * ratio is CONFIRMED over CONFIRMED + DECLINED + EXPIRED, computed in Grafana) and
 * {@code ucp_matching_agreements} (matches whose both sides reported an agreement), counted in the database
 * ({@link PeriodicRecount}), so they are right after a restart and with several replicas.
 */
public class MatchGauges implements AutoCloseable {

    private static final Duration COALESCE = Duration.ofSeconds(1);

    private final MatchRepository matches;
    private final Map<MatchStatus, AtomicLong> counts = new EnumMap<>(MatchStatus.class);
    private final AtomicLong agreements = new AtomicLong();
    private final PeriodicRecount recount;

    public MatchGauges(MatchRepository matches, MeterRegistry meters, Duration interval) {
        this.matches = matches;
        for (MatchStatus status : MatchStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("ucp.matching.matches", count, AtomicLong::get)
                    .description("Matches by status, counted in the database")
                    .tag("status", status.name()).register(meters);
        }
        Gauge.builder("ucp.matching.agreements", agreements, AtomicLong::get)
                .description("Matches whose both sides reported a cooperation agreement, counted in the database")
                .register(meters);
        this.recount = new PeriodicRecount("match-gauges", interval, COALESCE, this::refresh);
    }

    /** Counts again now (on the caller's thread). */
    public void refresh() {
        matches.countByStatus().forEach((status, count) -> counts.get(status).set(count));
        agreements.set(matches.countAgreements());
    }

    /** Counts again soon, off the request's thread, many changes in one count. */
    public void refreshSoon() {
        recount.soon();
    }

    @Override
    public void close() {
        recount.close();
    }
}
