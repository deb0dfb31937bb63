package org.urbancooperation.matching.matchingevent.persistence;

import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.matching.matchingevent.application.MatchingEventRepository;
import org.urbancooperation.matching.matchingevent.domain.MatchingEvent;
import org.urbancooperation.matching.matchingevent.domain.MatchingEventChange;
import org.urbancooperation.matching.matchingevent.domain.MatchingEventStatus;
import org.urbancooperation.matching.matchingevent.domain.MeetingBlock;
import org.urbancooperation.matching.shared.domain.InterpreterPair;
import org.urbancooperation.matching.matchingevent.messaging.MatchingEventIntegrationEvents;
import org.urbancooperation.support.application.ExpectedVersion;
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

/** Matching events in the {@code matching_events} collection, one document each with its outbox. */
public class MongoMatchingEventRepository implements MatchingEventRepository {

    public static final String COLLECTION = "matching_events";

    private final AggregateStore<MatchingEvent> store;

    public MongoMatchingEventRepository(AggregateStores stores) {
        this.store = stores.create(COLLECTION, "Matching event", new Mapper());
        // Serves a partnership's pages (keyset on _id); mongo-java-server ignores non-unique indexes, MongoDB uses it.
        store.collection().createIndexes(List.of(new IndexModel(Indexes.ascending("partnershipId", "_id"))));
    }

    @Override
    public Optional<Versioned<MatchingEvent>> find(UUID id) {
        return store.find(id.toString());
    }

    @Override
    public Versioned<MatchingEvent> insert(ResultWithEvents<MatchingEvent, MatchingEventChange> created) {
        return store.insert(created.aggregate(), MatchingEventIntegrationEvents.of(created.events()));
    }

    @Override
    public Versioned<MatchingEvent> update(ResultWithEvents<MatchingEvent, MatchingEventChange> changed,
            long readVersion, ExpectedVersion expected) {
        return store.update(changed.aggregate(), readVersion, expected,
                MatchingEventIntegrationEvents.of(changed.events()));
    }

    @Override
    public Page<Versioned<MatchingEvent>> listByPartnership(UUID partnershipId, PageRequest page) {
        return store.page(Filters.eq("partnershipId", partnershipId.toString()), page);
    }

    static final class Mapper implements AggregateDocumentMapper<MatchingEvent> {

        @Override
        public String id(MatchingEvent e) {
            return e.id().toString();
        }

        @Override
        public Document toDocument(MatchingEvent e) {
            // BSON dates, so that MongoDB compares and sorts the times as times.
            return new Document("partnershipId", e.partnershipId().toString())
                    .append("title", e.title())
                    .append("startsAt", Date.from(e.startsAt()))
                    .append("endsAt", Date.from(e.endsAt()))
                    .append("slotMinutes", e.slotMinutes())
                    .append("status", e.status().name())
                    .append("cooperationEventId", e.cooperationEventId() == null ? null
                            : e.cooperationEventId().toString())
                    .append("timeZone", e.timeZone() == null ? null : e.timeZone().getId())
                    .append("blocks", e.blocks().stream().map(Mapper::block).toList());
        }

        private static Document block(MeetingBlock b) {
            return new Document("startsAt", Date.from(b.startsAt()))
                    .append("endsAt", Date.from(b.endsAt()))
                    .append("slotMinutes", b.slotMinutes())
                    .append("breaks", b.breaks().stream().map(p -> new Document("startsAt", Date.from(p.startsAt()))
                            .append("endsAt", Date.from(p.endsAt()))).toList())
                    .append("tables", b.tables())
                    .append("interpreters", b.interpreters().entrySet().stream().map(i -> new Document("languages",
                            List.of(i.getKey().first(), i.getKey().second())).append("count", i.getValue())).toList())
                    .append("roomLink", b.roomLink());
        }

        private static MeetingBlock block(Document d) {
            Map<InterpreterPair, Integer> interpreters = new TreeMap<>();
            for (Document i : d.getList("interpreters", Document.class, List.of())) {
                List<String> pair = i.getList("languages", String.class);
                interpreters.put(InterpreterPair.of(pair.get(0), pair.get(1)), i.getInteger("count"));
            }
            return new MeetingBlock(d.getDate("startsAt").toInstant(), d.getDate("endsAt").toInstant(),
                    d.getInteger("slotMinutes"),
                    d.getList("breaks", Document.class, List.of()).stream().map(p -> new MeetingBlock.Break(
                            p.getDate("startsAt").toInstant(), p.getDate("endsAt").toInstant())).toList(),
                    d.getInteger("tables"), interpreters, d.getString("roomLink"));
        }

        @Override
        public MatchingEvent fromDocument(Document d) {
            String cooperationEvent = d.getString("cooperationEventId");
            return new MatchingEvent(UUID.fromString(d.getString("_id")), UUID.fromString(d.getString("partnershipId")),
                    d.getString("title"), d.getDate("startsAt").toInstant(), d.getDate("endsAt").toInstant(),
                    d.getInteger("slotMinutes"), MatchingEventStatus.valueOf(d.getString("status")),
                    cooperationEvent == null ? null : UUID.fromString(cooperationEvent),
                    d.getString("timeZone") == null ? null : ZoneId.of(d.getString("timeZone")),
                    // Events stored before blocks have none: one block of their startsAt/endsAt/slotMinutes.
                    d.getList("blocks", Document.class, List.of()).stream().map(Mapper::block).toList());
        }
    }
}
