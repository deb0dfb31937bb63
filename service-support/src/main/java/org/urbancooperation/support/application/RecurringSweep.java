package org.urbancooperation.support.application;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep every {@code interval} on a thread of its own, e.g. expiring what is due by the service's clock. Several
 * replicas may run the same sweep at once: each change it makes must be a conditional write, a lost race left alone. A
 * failed round (the database away for a while) is logged and the next round tries again.
 */
public final class RecurringSweep implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecurringSweep.class);

    private final ScheduledExecutorService scheduler;

    /**
     * @param name the thread's name and what the log says, e.g. "match-expiry"
     * @param sweep one round; returns how many things it changed
     * @param changed what those things are, for the log, e.g. "matches expired"
     */
    public RecurringSweep(String name, Duration interval, IntSupplier sweep, String changed) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int count = sweep.getAsInt();
                if (count > 0) {
                    log.info("{}: {} {}", name, count, changed);
                }
            } catch (RuntimeException e) {
                log.warn("{} failed; next round in {}", name, interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
