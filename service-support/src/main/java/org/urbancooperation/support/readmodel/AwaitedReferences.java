package org.urbancooperation.support.readmodel;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A bounded wait for something another service created a moment ago and this service learns of from its
 * integration event: a command naming it waits until the consumer has applied that event, or gives up. What is
 * waited for, and where it is kept, is the service's own read model; this is only the waiting.
 *
 * <p>The read model's handler calls {@link #arrived} after each write; a waiting command on this replica then
 * goes on at once, and otherwise looks again every {@value #POLL_MILLIS} ms (the event may be applied by another
 * replica). Each wait is timed as {@code ucp_references_wait_seconds{reference, outcome}}, outcome {@code found}
 * or {@code unknown} (gave up); a reference found at once is not a wait and is not timed.
 */
public final class AwaitedReferences {

    static final long POLL_MILLIS = 100;
    private static final Duration POLL = Duration.ofMillis(POLL_MILLIS);

    private final String reference;
    private final Duration wait;
    private final MeterRegistry meters;
    /** Commands waiting, by id, woken by this replica's handler as soon as the event is applied. */
    private final ConcurrentMap<String, CompletableFuture<Void>> arrivals = new ConcurrentHashMap<>();

    /**
     * @param reference what is referred to, the metric's {@code reference} tag, e.g. {@code partnership}
     * @param wait how long a command waits at most (e.g. {@code ucp.read-models.reference-wait}); zero: never
     * @param meters where waits are timed; null: nowhere
     */
    public AwaitedReferences(String reference, Duration wait, MeterRegistry meters) {
        this.reference = reference;
        this.wait = wait;
        this.meters = meters;
    }

    /** Never waits: {@link #await} is one look-up. */
    public static AwaitedReferences none(String reference) {
        return new AwaitedReferences(reference, Duration.ZERO, null);
    }

    /**
     * What {@code lookup} finds for {@code id}, waiting up to the configured time while it finds nothing.
     *
     * @return empty when still nothing is found after the wait
     */
    public <T> Optional<T> await(String id, Supplier<Optional<T>> lookup) {
        Optional<T> found = lookup.get();
        if (found.isPresent() || wait.isZero()) {
            return found;
        }
        long started = System.nanoTime();
        long deadline = started + wait.toNanos();
        CompletableFuture<Void> arrival = arrivals.computeIfAbsent(id, k -> new CompletableFuture<>());
        try {
            while (true) {
                found = lookup.get();
                long remaining = deadline - System.nanoTime();
                if (found.isPresent() || remaining <= 0) {
                    record(found.isPresent() ? "found" : "unknown", System.nanoTime() - started);
                    return found;
                }
                try {
                    arrival.get(Math.min(remaining, POLL.toNanos()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // look again: another replica may have applied it
                } catch (ExecutionException e) {
                    // never completed exceptionally; look again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return lookup.get();
                }
            }
        } finally {
            arrivals.remove(id, arrival);
        }
    }

    /** The event about {@code id} was just applied here: commands waiting for it look again now. */
    public void arrived(String id) {
        CompletableFuture<Void> waiting = arrivals.remove(id);
        if (waiting != null) {
            waiting.complete(null);
        }
    }

    private void record(String outcome, long nanos) {
        if (meters != null) {
            Timer.builder("ucp.references.wait")
                    .description("How long commands naming something not yet known here (e.g. a partnership "
                            + "established a moment ago) waited for its integration event; outcome found or unknown "
                            + "(gave up)")
                    .tag("reference", reference).tag("outcome", outcome)
                    .register(meters).record(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
