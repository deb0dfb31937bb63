package org.urbancooperation.events.cooperationevent.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.events.cooperationevent.application.PartnershipDirectory;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.mongo.ReadModelWrites;
import org.urbancooperation.support.readmodel.AwaitedReferences;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * This service's own copy of the partnerships that exist ({@code known_partnerships}), kept from
 * partnership-service's {@code PartnershipEstablished} by {@code KnownPartnershipsHandler}: the cooperation events'
 * {@link PartnershipDirectory}, without a call to partnership-service. A command naming a partnership established a
 * moment ago waits for its event, bounded ({@link AwaitedReferences}, {@code ucp.read-models.reference-wait}).
 */
public class KnownPartnerships implements PartnershipDirectory {

    public static final String COLLECTION = "known_partnerships";
    /** The metric's {@code reference} tag. */
    public static final String REFERENCE = "partnership";

    /** What an event says of a partnership, as this service keeps it. */
    public record Known(UUID id, long aggregateVersion, String name, List<String> cityNames, List<String> timeZones,
            List<String> partnerOrganisations) {
    }

    private final MongoCollection<Document> partnerships;
    private final AwaitedReferences arrivals;

    public KnownPartnerships(MongoDatabase database, AwaitedReferences arrivals) {
        this.partnerships = database.getCollection(COLLECTION);
        this.arrivals = arrivals;
    }

    /** Records a partnership unless a newer version of it is here already; wakes commands waiting for it. */
    public HandlingOutcome record(Known partnership) {
        Document fields = new Document("name", partnership.name())
                .append("cityNames", partnership.cityNames())
                .append("timeZones", partnership.timeZones())
                .append("partnerOrganisations", partnership.partnerOrganisations());
        HandlingOutcome outcome = ReadModelWrites.upsertIfNewer(partnerships, partnership.id().toString(),
                partnership.aggregateVersion(), fields);
        arrivals.arrived(partnership.id().toString());
        return outcome;
    }

    /**
     * The partnership, waiting a bounded while when it is not known yet: a partner's script establishes a
     * partnership and at once schedules an event for it, while the PartnershipEstablished is still on its way here.
     */
    @Override
    public Optional<KnownPartnership> find(UUID partnershipId) {
        return arrivals.await(partnershipId.toString(), () -> findNow(partnershipId));
    }

    @Override
    public Optional<KnownPartnership> findNow(UUID id) {
        Document d = partnerships.find(Filters.eq("_id", id.toString())).first();
        return Optional.ofNullable(d).map(p -> new KnownPartnership(p.getList("timeZones", String.class),
                p.getList("partnerOrganisations", String.class, List.of())));
    }
}
