package org.urbancooperation.matching.meeting.application;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.urbancooperation.matching.meeting.domain.MeetingStatus;
import org.urbancooperation.support.observability.PeriodicRecount;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The business metric {@code ucp_matching_meetings{status}}: B2B meetings scheduled, held, no-show and cancelled,
 * counted in the database ({@link PeriodicRecount}), so they are right after a restart and with several replicas.
 */
public class MeetingGauges implements AutoCloseable {

    private static final Duration COALESCE = Duration.ofSeconds(1);

    private final MeetingRepository meetings;
    private final Map<MeetingStatus, AtomicLong> counts = new EnumMap<>(MeetingStatus.class);
    private final PeriodicRecount recount;

    public MeetingGauges(MeetingRepository meetings, MeterRegistry meters, Duration interval) {
        this.meetings = meetings;
        for (MeetingStatus status : MeetingStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("ucp.matching.meetings", count, AtomicLong::get)
                    .description("B2B meetings of matching events by status, counted in the database")
                    .tag("status", status.name()).register(meters);
        }
        this.recount = new PeriodicRecount("meeting-gauges", interval, COALESCE, this::refresh);
    }

    /** Counts again now (on the caller's thread). */
    public void refresh() {
        meetings.countByStatus().forEach((status, count) -> counts.get(status).set(count));
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
