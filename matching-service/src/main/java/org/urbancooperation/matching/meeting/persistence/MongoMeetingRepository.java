package org.urbancooperation.matching.meeting.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.urbancooperation.matching.meeting.application.MeetingEventFacts;
import org.urbancooperation.matching.meeting.application.MeetingFilter;
import org.urbancooperation.matching.meeting.application.MeetingRepository;
import org.urbancooperation.matching.meeting.domain.Meeting;
import org.urbancooperation.matching.meeting.domain.MeetingChange;
import org.urbancooperation.matching.meeting.domain.MeetingStatus;
import org.urbancooperation.matching.meeting.messaging.MeetingIntegrationEvents;
import org.urbancooperation.matching.shared.domain.InterpreterPair;
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
import com.mongodb.client.model.Sorts;

/**
 * Meetings in the {@code meetings} collection, one document each with its outbox. {@code businessIds} keeps the two
 * participants as an array for a business's list.
 */
public class MongoMeetingRepository implements MeetingRepository {

    public static final String COLLECTION = "meetings";

    private final AggregateStore<Meeting> store;

    public MongoMeetingRepository(AggregateStores stores) {
        this.store = stores.create(COLLECTION, "Meeting", new Mapper());
        // mongo-java-server ignores non-unique indexes; MongoDB uses them for the lists, a release and the sweep.
        store.collection().createIndexes(List.of(
                new IndexModel(Indexes.ascending("matchingEventId", "_id")),
                new IndexModel(Indexes.ascending("businessIds", "_id")),
                new IndexModel(Indexes.ascending("partnershipId", "_id")),
                new IndexModel(Indexes.ascending("status", "endsAt"))));
    }

    @Override
    public Optional<Versioned<Meeting>> find(UUID id) {
        return store.find(id.toString());
    }

    @Override
    public List<Versioned<Meeting>> ofMatchingEvent(UUID matchingEventId) {
        return store.list(Filters.eq("matchingEventId", matchingEventId.toString()), Sorts.ascending("_id"), 0,
                Integer.MAX_VALUE);
    }

    @Override
    public Versioned<Meeting> insert(ResultWithEvents<Meeting, MeetingChange> created, MeetingEventFacts facts) {
        return store.insert(created.aggregate(), MeetingIntegrationEvents.of(created.events(), facts));
    }

    @Override
    public Versioned<Meeting> update(ResultWithEvents<Meeting, MeetingChange> changed, long readVersion,
            ExpectedVersion expected, MeetingEventFacts facts) {
        return store.update(changed.aggregate(), readVersion, expected,
                MeetingIntegrationEvents.of(changed.events(), facts));
    }

    @Override
    public Page<Versioned<Meeting>> page(MeetingFilter f, PageRequest request) {
        List<Bson> conditions = new ArrayList<>();
        if (f.involving() != null) {
            conditions.add(Filters.eq("businessIds", f.involving()));
        }
        if (f.partnershipIds() != null) {
            conditions.add(Filters.in("partnershipId", f.partnershipIds().stream().map(UUID::toString).toList()));
        }
        if (f.matchingEventId() != null) {
            conditions.add(Filters.eq("matchingEventId", f.matchingEventId().toString()));
        }
        if (f.status() != null) {
            conditions.add(Filters.eq("status", f.status().name()));
        }
        return store.page(AggregateStore.allOf(conditions), request);
    }

    @Override
    public List<Versioned<Meeting>> scheduledEndedBetween(Instant from, Instant to, int limit) {
        return store.list(Filters.and(Filters.eq("status", MeetingStatus.SCHEDULED.name()),
                Filters.gte("endsAt", Date.from(from)), Filters.lt("endsAt", Date.from(to))),
                Sorts.ascending("endsAt"), 0, limit);
    }

    @Override
    public Map<MeetingStatus, Long> countByStatus() {
        Map<MeetingStatus, Long> counts = new EnumMap<>(MeetingStatus.class);
        for (MeetingStatus status : MeetingStatus.values()) {
            counts.put(status, store.collection().countDocuments(Filters.eq("status", status.name())));
        }
        return counts;
    }

    static final class Mapper implements AggregateDocumentMapper<Meeting> {

        @Override
        public String id(Meeting m) {
            return m.id().toString();
        }

        @Override
        public Document toDocument(Meeting m) {
            return new Document("matchingEventId", m.matchingEventId().toString())
                    .append("partnershipId", m.partnershipId().toString())
                    .append("matchId", m.matchId())
                    .append("participantA", m.participantA())
                    .append("participantB", m.participantB())
                    .append("businessIds", List.of(m.participantA(), m.participantB()))
                    .append("slot", m.slot())
                    .append("startsAt", Date.from(m.startsAt()))
                    .append("endsAt", Date.from(m.endsAt()))
                    .append("table", m.table())
                    .append("roomLink", m.roomLink())
                    .append("interpreter", m.interpreter() == null ? null
                            : List.of(m.interpreter().first(), m.interpreter().second()))
                    .append("status", m.status().name())
                    .append("checkedIn", List.copyOf(m.checkedIn()))
                    .append("statusReason", m.statusReason())
                    .append("sequence", m.sequence());
        }

        @Override
        public Meeting fromDocument(Document d) {
            List<String> interpreter = d.getList("interpreter", String.class);
            return new Meeting(UUID.fromString(d.getString("_id")), UUID.fromString(d.getString("matchingEventId")),
                    UUID.fromString(d.getString("partnershipId")), d.getString("matchId"), d.getString("participantA"),
                    d.getString("participantB"), d.getInteger("slot"), d.getDate("startsAt").toInstant(),
                    d.getDate("endsAt").toInstant(), d.getInteger("table"), d.getString("roomLink"),
                    interpreter == null ? null : InterpreterPair.of(interpreter.get(0), interpreter.get(1)),
                    MeetingStatus.valueOf(d.getString("status")),
                    new java.util.TreeSet<>(d.getList("checkedIn", String.class)), d.getString("statusReason"),
                    d.getInteger("sequence"));
        }
    }
}
