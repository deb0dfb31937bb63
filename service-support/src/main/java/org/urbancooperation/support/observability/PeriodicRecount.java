package org.urbancooperation.support.observability;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.urbancooperation.support.mongo.ScanSpacing;

/**
 * Keeps business gauges counted from the database: runs a recount on its own daemon thread at start, again after
 * every interval, and soon after a change ({@link #soon()}, many changes coalesced into one run). The counts come
 * from the database, not from the commands this replica happened to see, so they are right after a restart and
 * with several replicas; a scrape reads the last values and never waits for the database.
 * <p>
 * A recount reads every document it counts, so each wait is spaced by its cost as well ({@link ScanSpacing}): the
 * bigger the collection, the older a count may get, and the less of the database's time the counting takes. A
 * failed recount (the database away for a while) keeps the last values and is logged; the next run tries again.
 */
public final class PeriodicRecount implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PeriodicRecount.class);

    private final String name;
    private final Duration interval;
    private final Duration coalesce;
    private final Runnable recount;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean soonPending = new AtomicBoolean();
    private volatile Duration lastRunTook = Duration.ZERO;

    /**
     * @param name what is counted, for the thread's name and the log, e.g. {@code partnership-status-gauges}
     * @param interval the longest a count stays unrefreshed while nothing changes (when the count is cheap)
     * @param coalesce how long {@link #soon()} waits to take more changes into the same run
     * @param recount counts and sets the gauges; it may throw, the last values then stay
     */
    public PeriodicRecount(String name, Duration interval, Duration coalesce, Runnable recount) {
        this.name = name;
        this.interval = interval;
        this.coalesce = coalesce;
        this.recount = recount;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        schedule(this::periodic, Duration.ZERO);
    }

    /** Recounts soon, off the caller's thread: after a change that the gauges should show. */
    public void soon() {
        if (soonPending.compareAndSet(false, true)
                && !schedule(() -> {
                    soonPending.set(false);
                    runQuietly();
                }, ScanSpacing.after(coalesce, lastRunTook))) {
            soonPending.set(false);
        }
    }

    /** How long the last recount took (what spaces the next). */
    public Duration lastRunTook() {
        return lastRunTook;
    }

    private void periodic() {
        runQuietly();
        schedule(this::periodic, ScanSpacing.after(interval, lastRunTook));
    }

    private void runQuietly() {
        long started = System.nanoTime();
        try {
            recount.run();
            lastRunTook = Duration.ofNanos(System.nanoTime() - started);
        } catch (RuntimeException e) {
            // A failed count says nothing of what a count costs (a database timing out takes seconds, logging takes
            // longer under load): the spacing stays that of the last count that ran.
            log.warn("Could not recount {}, keeping the last values: {}", name, e.toString());
        }
    }

    private boolean schedule(Runnable run, Duration delay) {
        if (scheduler.isShutdown()) {
            return false;
        }
        try {
            scheduler.schedule(run, delay.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException closing) {
            return false;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
