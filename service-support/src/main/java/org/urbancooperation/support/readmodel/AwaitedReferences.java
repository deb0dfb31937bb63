package org.urbancooperation.support.readmodel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bson.Document;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.partnership.PartnershipEstablished;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.messaging.IntegrationEventHandler;
import org.urbancooperation.support.mongo.ReadModelWrites;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * A consumer's own copy of the partnerships that exist, kept from {@code PartnershipEstablished}
 * events in the consuming service's database. Services that refer to partnerships (events, matching)
 * declare it as a bean and check references against it without calling partnership-service.
 */
public class KnownPartnerships implements IntegrationEventHandler<PartnershipEstablished> {

    public static final String COLLECTION = "known_partnerships";
    static final long POLL_MILLIS = 100;

    /**
     * What a consumer needs of a partnership: that it exists, its name, its cities' time zones, and
     * the organisations whose partners may act for it.
     */
    public record KnownPartnership(UUID id, String name, List<String> cityNames, List<String> timeZones,
            List<String> partnerOrganisations) {
    }

    /** How often a waiting command looks again, for the event handled by another replica of the service. */
    private static final Duration POLL = Duration.ofMillis(POLL_MILLIS);

    private final MongoCollection<Document> partnerships;
    private final Duration referenceWait;
    private final MeterRegistry meters;
    /** Commands waiting for a partnership, woken by this replica's handler as soon as its event is applied. */
    private final ConcurrentMap<String, CompletableFuture<Void>> arrivals = new ConcurrentHashMap<>();

    /** A read model that never waits: {@link #awaitFind} is {@link #find}. */
    public KnownPartnerships(MongoDatabase database) {
        this(database, Duration.ZERO, null);
    }

    /**
     * @param referenceWait how long a command naming an unknown partnership waits for its PartnershipEstablished
     *        (ucp.read-models.reference-wait): partnership-service may have established it a moment ago
     */
    public KnownPartnerships(MongoDatabase database, Duration referenceWait, MeterRegistry meters) {
        this.partnerships = database.getCollection(COLLECTION);
        this.referenceWait = referenceWait;
        this.meters = meters;
    }

    @Override
    public Class<PartnershipEstablished> eventClass() {
        return PartnershipEstablished.class;
    }

    @Override
    public HandlingOutcome handle(PartnershipEstablished event, EventEnvelope envelope) {
        Document fields = new Document("name", event.name())
                .append("cityNames", event.cities().stream().map(PartnershipEstablished.City::name).toList())
                .append("timeZones", event.cities().stream().map(PartnershipEstablished.City::timeZone).distinct().toList())
                .append("partnerOrganisations", event.partnerOrganisations());
        HandlingOutcome outcome = ReadModelWrites.upsertIfNewer(partnerships, event.partnershipId().toString(),
                envelope.aggregateVersion(), fields);
        CompletableFuture<Void> waiting = arrivals.remove(event.partnershipId().toString());
        if (waiting != null) {
            waiting.complete(null);
        }
        return outcome;
    }

    /**
     * The partnership, waiting a bounded while when it is not known yet: a partner's script establishes a
     * partnership and at once schedules an event for it, while the PartnershipEstablished is still on its way
     * here. Returns as soon as the event is applied (by this replica: at once; by another: within
     * {@value #POLL_MILLIS} ms); empty after the wait for an id that is not known.
     */
    public Optional<KnownPartnership> awaitFind(UUID id) {
        Optional<KnownPartnership> found = find(id);
        if (found.isPresent() || referenceWait.isZero()) {
            return found;
        }
        String key = id.toString();
        long started = System.nanoTime();
        long deadline = started + referenceWait.toNanos();
        CompletableFuture<Void> arrival = arrivals.computeIfAbsent(key, k -> new CompletableFuture<>());
        try {
            while (true) {
                found = find(id);
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
                    return find(id);
                }
            }
        } finally {
            arrivals.remove(key, arrival);
        }
    }

    private void record(String outcome, long nanos) {
        if (meters != null) {
            Timer.builder("ucp.references.wait")
                    .description("How long commands naming a partnership not yet known here waited for its "
                            + "PartnershipEstablished; outcome found or unknown (gave up)")
                    .tag("reference", "partnership").tag("outcome", outcome)
                    .register(meters).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    public Optional<KnownPartnership> find(UUID id) {
        Document d = partnerships.find(Filters.eq("_id", id.toString())).first();
        return Optional.ofNullable(d).map(p -> new KnownPartnership(id, p.getString("name"),
                p.getList("cityNames", String.class), p.getList("timeZones", String.class),
                p.getList("partnerOrganisations", String.class, List.of())));
    }
}
