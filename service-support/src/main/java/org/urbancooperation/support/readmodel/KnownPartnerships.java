package org.urbancooperation.support.readmodel;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.partnership.PartnershipEstablished;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.messaging.IntegrationEventHandler;
import org.urbancooperation.support.mongo.ReadModelWrites;

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

    /**
     * What a consumer needs of a partnership: that it exists, its name, its cities' time zones, and
     * the organisations whose partners may act for it.
     */
    public record KnownPartnership(UUID id, String name, List<String> cityNames, List<String> timeZones,
            List<String> partnerOrganisations) {
    }

    private final MongoCollection<Document> partnerships;

    public KnownPartnerships(MongoDatabase database) {
        this.partnerships = database.getCollection(COLLECTION);
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
        return ReadModelWrites.upsertIfNewer(partnerships, event.partnershipId().toString(), envelope.aggregateVersion(),
                fields);
    }

    public Optional<KnownPartnership> find(UUID id) {
        Document d = partnerships.find(Filters.eq("_id", id.toString())).first();
        return Optional.ofNullable(d).map(p -> new KnownPartnership(id, p.getString("name"),
                p.getList("cityNames", String.class), p.getList("timeZones", String.class),
                p.getList("partnerOrganisations", String.class, List.of())));
    }
}
