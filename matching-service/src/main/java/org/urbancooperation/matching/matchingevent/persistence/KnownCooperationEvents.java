package org.urbancooperation.matching.matchingevent.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.matching.matchingevent.application.CooperationEventDirectory;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.mongo.ReadModelWrites;
import org.urbancooperation.support.readmodel.AwaitedReferences;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * This service's own copy of the cooperation events event-service published or scheduled
 * ({@code known_cooperation_events}): what a matching event may name as the event it is held at, without a call to
 * event-service. A command naming one published a moment ago waits for its event, bounded ({@link AwaitedReferences},
 * {@code ucp.read-models.reference-wait}).
 */
public class KnownCooperationEvents implements CooperationEventDirectory {

    public static final String COLLECTION = "known_cooperation_events";
    /** The metric's {@code reference} tag. */
    public static final String REFERENCE = "cooperation-event";

    /** What an event says of a cooperation event, as this service keeps it. */
    public record Known(UUID id, long aggregateVersion, String title, Instant startsAt, Instant endsAt) {
    }

    private final MongoCollection<Document> events;
    private final AwaitedReferences arrivals;

    public KnownCooperationEvents(MongoDatabase database, AwaitedReferences arrivals) {
        this.events = database.getCollection(COLLECTION);
        this.arrivals = arrivals;
    }

    /** Records a cooperation event unless a newer version of it is here already; wakes commands waiting for it. */
    public HandlingOutcome record(Known event) {
        Document fields = new Document("title", event.title())
                .append("startsAt", Date.from(event.startsAt()))
                .append("endsAt", Date.from(event.endsAt()));
        HandlingOutcome outcome = ReadModelWrites.upsertIfNewer(events, event.id().toString(),
                event.aggregateVersion(), fields);
        arrivals.arrived(event.id().toString());
        return outcome;
    }

    @Override
    public boolean isKnown(UUID cooperationEventId) {
        return arrivals.await(cooperationEventId.toString(), () -> Optional.ofNullable(
                events.find(Filters.eq("_id", cooperationEventId.toString())).projection(new Document("_id", 1))
                        .first())).isPresent();
    }
}
