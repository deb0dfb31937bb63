package org.urbancooperation.matching.match.application;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires pending matches at their expiresAt by itself: every {@code interval} it asks the service to expire those
 * due (the service reads the time from its clock, which tests control). Several replicas may run it at once: each
 * expiry is a conditional write, and a lost race is left alone.
 */
public class MatchExpiry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MatchExpiry.class);

    private final ScheduledExecutorService scheduler;

    public MatchExpiry(MatchService service, Duration interval) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "match-expiry");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int expired = service.expireDue();
                if (expired > 0) {
                    log.info("{} matches expired", expired);
                }
            } catch (RuntimeException e) {
                // The database may be away for a while; the next round tries again.
                log.warn("Expiring matches failed; next round in {}", interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
