package org.urbancooperation.events.cooperationevent.persistence;

import org.bson.Document;
import org.urbancooperation.events.cooperationevent.application.ReferenceDirectory;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.mongo.ReadModelWrites;
import org.urbancooperation.support.readmodel.AwaitedReferences;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Which organisations (or programmes) exist, as partnership-service's integration events told this service: the ids
 * a cooperation event's organisers and programme must name. A command naming one registered a moment ago waits for
 * its event, bounded, like {@link KnownPartnerships}.
 */
public class KnownReferences implements ReferenceDirectory {

    private final MongoCollection<Document> collection;
    private final AwaitedReferences arrivals;

    public KnownReferences(MongoDatabase database, String collection, AwaitedReferences arrivals) {
        this.collection = database.getCollection(collection);
        this.arrivals = arrivals;
    }

    /** Records the id unless a newer version of it is here already; wakes commands waiting for it. */
    public HandlingOutcome record(String id, long aggregateVersion) {
        HandlingOutcome outcome = ReadModelWrites.upsertIfNewer(collection, id, aggregateVersion, new Document());
        arrivals.arrived(id);
        return outcome;
    }

    @Override
    public boolean isKnown(String id) {
        return arrivals.await(id, () -> java.util.Optional.ofNullable(
                collection.find(Filters.eq("_id", id)).projection(new Document("_id", 1)).first())).isPresent();
    }
}
