package org.urbancooperation.events.registration.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.urbancooperation.events.registration.application.RegistrationRepository;
import org.urbancooperation.events.registration.domain.RegistrationStatus;
import org.urbancooperation.support.observability.PeriodicRecount;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Registrations by status and the waitlists' lengths, counted from the database every interval and at start
 * ({@link PeriodicRecount}), so every replica reports the same figures and a restart loses none.
 */
public class RegistrationGauges implements AutoCloseable {

    private final RegistrationRepository registrations;
    private final Map<RegistrationStatus, AtomicLong> byStatus = new EnumMap<>(RegistrationStatus.class);
    private final AtomicLong waitlisted = new AtomicLong();
    private final AtomicLong longestWaitlist = new AtomicLong();
    private final PeriodicRecount recount;

    public RegistrationGauges(RegistrationRepository registrations, MeterRegistry meters, Duration interval) {
        this.registrations = registrations;
        for (RegistrationStatus status : RegistrationStatus.values()) {
            AtomicLong count = new AtomicLong();
            byStatus.put(status, count);
            Gauge.builder("ucp_registrations", count, AtomicLong::get)
                    .description("Registrations for cooperation events, by status (from the database)")
                    .tag("status", status.name())
                    .register(meters);
        }
        Gauge.builder("ucp_waitlist_length", waitlisted, AtomicLong::get)
                .description("Waitlisted registrations of all cooperation events")
                .register(meters);
        Gauge.builder("ucp_waitlist_length_max", longestWaitlist, AtomicLong::get)
                .description("The longest waitlist of one cooperation event")
                .register(meters);
        this.recount = new PeriodicRecount("ucp-registration-gauges", interval, interval, this::refresh);
    }

    /** Counts again now. */
    public void refresh() {
        registrations.countByStatus().forEach((status, count) -> byStatus.get(status).set(count));
        RegistrationRepository.WaitlistLengths lengths = registrations.waitlistLengths();
        waitlisted.set(lengths.total());
        longestWaitlist.set(lengths.longest());
    }

    @Override
    public void close() {
        recount.close();
    }
}
