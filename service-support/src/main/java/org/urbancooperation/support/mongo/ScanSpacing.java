package org.urbancooperation.support.mongo;

import java.time.Duration;

/**
 * How long a periodic scan waits before it runs again: its interval, or {@value #COST_RATIO} times what its last run
 * took, whichever is longer. The scans this spaces (the outbox relay's safety net, the business gauges' counts) read
 * every document of a collection; on the embedded Mongo server, which ignores non-unique indexes, they also hold the
 * collection's lock for their whole length, so every write to it waits. A fixed interval lets their share of the
 * database's time grow with the data stored (with 100,000 partnerships a count once a second took most of it); spaced
 * by their own cost, it stays under 1 % at any size, and a count merely gets older between runs.
 */
public final class ScanSpacing {

    /** At most 1 % of the time in the scan. */
    public static final int COST_RATIO = 100;

    private ScanSpacing() {
    }

    /**
     * @param interval the shortest wait, e.g. the relay's {@code pollInterval}
     * @param lastRunTook how long the scan took the last time (zero before its first run)
     */
    public static Duration after(Duration interval, Duration lastRunTook) {
        Duration byCost = lastRunTook.multipliedBy(COST_RATIO);
        return byCost.compareTo(interval) > 0 ? byCost : interval;
    }
}
