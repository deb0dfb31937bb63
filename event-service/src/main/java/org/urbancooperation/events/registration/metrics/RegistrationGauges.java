package org.urbancooperation.events.registration.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

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
    private final AtomicLong promotable = new AtomicLong();
    private final LongSupplier waitingWithFreePlace;
    private final PeriodicRecount recount;

    /** @param waitingWithFreePlace waitlisted registrations a free place would fit (0 unless promotion is stuck) */
    public RegistrationGauges(RegistrationRepository registrations, LongSupplier waitingWithFreePlace,
            MeterRegistry meters, Duration interval) {
        this.registrations = registrations;
        this.waitingWithFreePlace = waitingWithFreePlace;
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
        Gauge.builder("ucp_waitlist_promotable", promotable, AtomicLong::get)
                .description("Waitlisted registrations that a free place would fit: 0 unless promotion is stuck")
                .register(meters);
        this.recount = new PeriodicRecount("ucp-registration-gauges", interval, interval, this::refresh);
    }

    /** Counts again now. */
    public void refresh() {
        registrations.countByStatus().forEach((status, count) -> byStatus.get(status).set(count));
        RegistrationRepository.WaitlistLengths lengths = registrations.waitlistLengths();
        waitlisted.set(lengths.total());
        longestWaitlist.set(lengths.longest());
        promotable.set(waitingWithFreePlace.getAsLong());
    }

    @Override
    public void close() {
        recount.close();
    }
}
