package org.urbancooperation.matching.matchingevent.persistence;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.urbancooperation.matching.matchingevent.application.ParticipantRepository;
import org.urbancooperation.matching.matchingevent.domain.Availability;
import org.urbancooperation.matching.matchingevent.domain.MeetingConstraints;
import org.urbancooperation.matching.matchingevent.domain.Participant;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.mongo.AggregateDocumentMapper;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;

/**
 * Participants in the {@code matching_event_participants} collection, one document each; {@code _id} is
 * {@code <matchingEventId>:<businessId>}, so a business takes part in an event once.
 */
public class MongoParticipantRepository implements ParticipantRepository {

    public static final String COLLECTION = "matching_event_participants";

    private final AggregateStore<Participant> store;

    public MongoParticipantRepository(AggregateStores stores) {
        this.store = stores.create(COLLECTION, "Participant", new Mapper());
        // An event's page (keyset on _id); mongo-java-server ignores non-unique indexes, MongoDB uses it.
        store.collection().createIndexes(List.of(new IndexModel(Indexes.ascending("matchingEventId", "_id"))));
    }

    @Override
    public Optional<Versioned<Participant>> find(UUID matchingEventId, String businessId) {
        return store.find(Participant.idOf(matchingEventId, businessId));
    }

    @Override
    public Versioned<Participant> insert(Participant joined) {
        return store.insert(joined, List.of());
    }

    @Override
    public Versioned<Participant> update(Participant changed, long readVersion, ExpectedVersion expected) {
        return store.update(changed, readVersion, expected, List.of());
    }

    @Override
    public Page<Versioned<Participant>> page(UUID matchingEventId, String businessId, PageRequest request) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(Filters.eq("matchingEventId", matchingEventId.toString()));
        if (businessId != null) {
            conditions.add(Filters.eq("businessId", businessId));
        }
        return store.page(AggregateStore.allOf(conditions), request);
    }

    static final class Mapper implements AggregateDocumentMapper<Participant> {

        @Override
        public String id(Participant p) {
            return p.id();
        }

        @Override
        public Document toDocument(Participant p) {
            return new Document("matchingEventId", p.matchingEventId().toString())
                    .append("businessId", p.businessId())
                    .append("availability", p.availability().stream().map(a -> new Document("startsAt",
                            Date.from(a.startsAt())).append("endsAt", Date.from(a.endsAt()))).toList())
                    .append("maxMeetings", p.maxMeetings())
                    .append("withdrawn", p.withdrawn())
                    .append("constraints", constraints(p.constraints()));
        }

        /** Null when it declared none: what documents from before constraints hold too. */
        private static Document constraints(MeetingConstraints c) {
            if (c.equals(MeetingConstraints.NONE)) {
                return null;
            }
            return new Document("languages", c.languages())
                    .append("timeZone", c.timeZone() == null ? null : c.timeZone().getId())
                    .append("hoursFrom", c.hoursFrom() == null ? null : c.hoursFrom().toString())
                    .append("hoursTo", c.hoursTo() == null ? null : c.hoursTo().toString())
                    .append("onlyInsideBusinessHours", c.onlyInsideBusinessHours());
        }

        private static MeetingConstraints constraints(Document d) {
            if (d == null) {
                return MeetingConstraints.NONE;
            }
            String zone = d.getString("timeZone");
            String from = d.getString("hoursFrom");
            String to = d.getString("hoursTo");
            return new MeetingConstraints(d.getList("languages", String.class),
                    zone == null ? null : ZoneId.of(zone), from == null ? null : LocalTime.parse(from),
                    to == null ? null : LocalTime.parse(to),
                    Boolean.TRUE.equals(d.getBoolean("onlyInsideBusinessHours")));
        }

        @Override
        public Participant fromDocument(Document d) {
            return new Participant(UUID.fromString(d.getString("matchingEventId")), d.getString("businessId"),
                    d.getList("availability", Document.class).stream().map(a -> new Availability(
                            a.getDate("startsAt").toInstant(), a.getDate("endsAt").toInstant())).toList(),
                    d.getInteger("maxMeetings"), d.getBoolean("withdrawn"),
                    constraints(d.get("constraints", Document.class)));
        }
    }
}
