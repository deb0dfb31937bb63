package org.urbancooperation.events.cooperationevent.persistence;

import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.events.cooperationevent.application.CooperationEventRepository;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.CooperationEventChange;
import org.urbancooperation.events.cooperationevent.domain.EventFormat;
import org.urbancooperation.events.cooperationevent.messaging.CooperationEventIntegrationEvents;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.mongo.AggregateDocumentMapper;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;

/** Cooperation events in the {@code cooperation_events} collection, one document each with its outbox. */
public class MongoCooperationEventRepository implements CooperationEventRepository {

    private final AggregateStore<CooperationEvent> store;

    public MongoCooperationEventRepository(AggregateStores stores) {
        this.store = stores.create("cooperation_events", "Cooperation event", new Mapper());
        // For a partnership's pages (keyset on _id); mongo-java-server ignores non-unique indexes, MongoDB uses it.
        store.collection().createIndexes(List.of(new IndexModel(Indexes.ascending("partnershipId", "_id"))));
    }

    @Override
    public Optional<Versioned<CooperationEvent>> find(UUID id) {
        return store.find(id.toString());
    }

    @Override
    public Versioned<CooperationEvent> insert(ResultWithEvents<CooperationEvent, CooperationEventChange> scheduled) {
        return store.insert(scheduled.aggregate(), CooperationEventIntegrationEvents.of(scheduled.events()));
    }

    @Override
    public Page<Versioned<CooperationEvent>> listByPartnership(UUID partnershipId, PageRequest page) {
        return store.page(Filters.eq("partnershipId", partnershipId.toString()), page);
    }

    static final class Mapper implements AggregateDocumentMapper<CooperationEvent> {

        @Override
        public String id(CooperationEvent e) {
            return e.id().toString();
        }

        @Override
        public Document toDocument(CooperationEvent e) {
            // BSON dates, so that MongoDB sorts and filters them as times.
            return new Document("partnershipId", e.partnershipId().toString())
                    .append("title", e.title())
                    .append("format", e.format().name())
                    .append("startsAt", Date.from(e.startsAt()))
                    .append("endsAt", Date.from(e.endsAt()))
                    .append("timeZones", e.timeZones().stream().map(ZoneId::getId).toList())
                    .append("languages", e.languages())
                    .append("venue", e.venue());
        }

        @Override
        public CooperationEvent fromDocument(Document d) {
            return new CooperationEvent(UUID.fromString(d.getString("_id")),
                    UUID.fromString(d.getString("partnershipId")), d.getString("title"),
                    EventFormat.valueOf(d.getString("format")),
                    d.getDate("startsAt").toInstant(), d.getDate("endsAt").toInstant(),
                    d.getList("timeZones", String.class).stream().map(ZoneId::of).toList(),
                    d.getList("languages", String.class), d.getString("venue"));
        }
    }
}
