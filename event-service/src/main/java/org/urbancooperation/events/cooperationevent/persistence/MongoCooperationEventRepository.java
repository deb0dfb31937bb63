package org.urbancooperation.events.cooperationevent.persistence;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.urbancooperation.events.cooperationevent.application.CooperationEventRepository;
import org.urbancooperation.events.cooperationevent.domain.AgendaChange;
import org.urbancooperation.events.cooperationevent.domain.AgendaVersion;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.CooperationEventChange;
import org.urbancooperation.events.cooperationevent.domain.EventFormat;
import org.urbancooperation.events.cooperationevent.domain.EventKind;
import org.urbancooperation.events.cooperationevent.domain.EventStatus;
import org.urbancooperation.events.cooperationevent.domain.Interpretation;
import org.urbancooperation.events.cooperationevent.domain.Material;
import org.urbancooperation.events.cooperationevent.domain.Session;
import org.urbancooperation.events.cooperationevent.domain.SessionKind;
import org.urbancooperation.events.cooperationevent.domain.Speaker;
import org.urbancooperation.events.cooperationevent.domain.TimePrecision;
import org.urbancooperation.events.cooperationevent.domain.Venue;
import org.urbancooperation.events.cooperationevent.messaging.CooperationEventIntegrationEvents;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.mongo.AggregateDocumentMapper;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.mongo.LocalizedTexts;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;

/**
 * Cooperation events in the {@code cooperation_events} collection: one document each with its agenda, its published
 * agenda versions and its outbox, so that a command's state and integration events are one write.
 */
public class MongoCooperationEventRepository implements CooperationEventRepository {

    private final AggregateStore<CooperationEvent> store;

    public MongoCooperationEventRepository(AggregateStores stores) {
        this.store = stores.create("cooperation_events", "Cooperation event", new Mapper());
        // For the filtered pages (keyset on _id); mongo-java-server ignores non-unique indexes, MongoDB uses them.
        store.collection().createIndexes(List.of(new IndexModel(Indexes.ascending("partnershipIds", "_id")),
                new IndexModel(Indexes.ascending("organisers", "_id")),
                new IndexModel(Indexes.ascending("cityKeys", "_id")),
                new IndexModel(Indexes.ascending("programmeId", "_id")),
                new IndexModel(Indexes.ascending("languages", "_id")),
                new IndexModel(Indexes.ascending("startsAt", "endsAt"))));
    }

    @Override
    public Optional<Versioned<CooperationEvent>> find(UUID id) {
        return store.find(id.toString());
    }

    @Override
    public Map<StatusAndKind, Long> countByStatusAndKind() {
        Map<StatusAndKind, Long> counts = new LinkedHashMap<>();
        // Grouped in the database: only one small document per pair comes back, however many events there are.
        store.collection().aggregate(List.of(Aggregates.group(new Document("status", "$status").append("kind",
                "$kind"), Accumulators.sum("count", 1)))).forEach(d -> {
                    Document pair = d.get("_id", Document.class);
                    counts.merge(new StatusAndKind(EventStatus.valueOf(pair.getString("status")),
                            EventKind.valueOf(pair.getString("kind"))), ((Number) d.get("count")).longValue(),
                            Long::sum);
                });
        return counts;
    }

    @Override
    public Versioned<CooperationEvent> insert(ResultWithEvents<CooperationEvent, CooperationEventChange> created) {
        return store.insert(created.aggregate(), CooperationEventIntegrationEvents.of(created.events()));
    }

    @Override
    public Versioned<CooperationEvent> update(ResultWithEvents<CooperationEvent, CooperationEventChange> changed,
            long readVersion, ExpectedVersion expected) {
        return store.update(changed.aggregate(), readVersion, expected,
                CooperationEventIntegrationEvents.of(changed.events()));
    }

    @Override
    public Page<Versioned<CooperationEvent>> list(Filter filter, PageRequest page) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.partnershipId() != null) {
            conditions.add(Filters.eq("partnershipIds", filter.partnershipId().toString()));
        }
        if (filter.organiser() != null) {
            conditions.add(Filters.eq("organisers", filter.organiser()));
        }
        if (filter.status() != null) {
            conditions.add(Filters.eq("status", filter.status().name()));
        }
        if (filter.kind() != null) {
            conditions.add(Filters.eq("kind", filter.kind().name()));
        }
        if (filter.city() != null) {
            conditions.add(Filters.eq("cityKeys", cityKey(filter.city())));
        }
        if (filter.programmeId() != null) {
            conditions.add(Filters.eq("programmeId", filter.programmeId()));
        }
        if (filter.language() != null) {
            conditions.add(Filters.eq("languages", filter.language()));
        }
        if (filter.window() != null && filter.window().to() != null) {
            conditions.add(Filters.lt("startsAt", Date.from(filter.window().to())));
        }
        if (filter.window() != null && filter.window().from() != null) {
            conditions.add(Filters.gt("endsAt", Date.from(filter.window().from())));
        }
        if (!filter.draftsOf().all()) {
            // Drafts only of the organisations the reader works for: everybody else sees public events.
            Bson isPublic = Filters.ne("status", EventStatus.DRAFT.name());
            conditions.add(filter.draftsOf().organisation() == null ? isPublic
                    : Filters.or(isPublic, Filters.eq("organisers", filter.draftsOf().organisation())));
        }
        return store.page(conditions.isEmpty() ? new Document() : conditions.size() == 1 ? conditions.get(0)
                : Filters.and(conditions), page);
    }

    /** A city as the filter compares it: "Essen", "essen" and "ESSEN" are one city; Unicode case rules, no locale. */
    static String cityKey(String city) {
        return city.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The cities an event is in, for the city filter: its cities and its venue's. */
    static List<String> cityKeys(CooperationEvent e) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        e.cities().forEach(c -> keys.add(cityKey(c)));
        if (e.venue() != null && e.venue().city() != null) {
            keys.add(cityKey(e.venue().city()));
        }
        return List.copyOf(keys);
    }

    static final class Mapper implements AggregateDocumentMapper<CooperationEvent> {

        @Override
        public String id(CooperationEvent e) {
            return e.id().toString();
        }

        @Override
        public Document toDocument(CooperationEvent e) {
            // Times as BSON dates, so that MongoDB sorts and filters them as times; zones as their ids.
            return new Document("kind", e.kind().name())
                    .append("format", e.format() == null ? null : e.format().name())
                    .append("title", e.title())
                    .append("descriptions", LocalizedTexts.document(e.descriptions()))
                    .append("venue", e.venue() == null ? null : new Document("name", e.venue().name())
                            .append("address", e.venue().address()).append("city", e.venue().city()))
                    .append("onlineLink", e.onlineLink())
                    .append("organisers", e.organisers())
                    .append("partnershipIds", e.partnershipIds().stream().map(UUID::toString).toList())
                    .append("programmeId", e.programmeId())
                    .append("cities", e.cities())
                    .append("cityKeys", cityKeys(e))
                    .append("timeZone", e.timeZone().getId())
                    .append("timeZones", e.timeZones().stream().map(ZoneId::getId).toList())
                    .append("startsAt", Date.from(e.startsAt()))
                    .append("endsAt", Date.from(e.endsAt()))
                    .append("timePrecision", e.timePrecision().name())
                    .append("languages", e.languages())
                    .append("interpretation", e.interpretation().stream().map(Mapper::interpretation).toList())
                    .append("capacity", e.capacity())
                    .append("materials", e.materials().stream().map(Mapper::material).toList())
                    .append("status", e.status().name())
                    .append("statusReason", e.statusReason())
                    .append("agenda", e.agenda().stream().map(Mapper::session).toList())
                    .append("agendaVersions", e.agendaVersions().stream().map(v -> new Document("number", v.number())
                            .append("publishedAt", Date.from(v.publishedAt()))
                            .append("sessions", v.sessions().stream().map(Mapper::session).toList())
                            .append("changes", v.changes().stream().map(Mapper::change).toList())).toList());
        }

        @Override
        public CooperationEvent fromDocument(Document d) {
            Document venue = d.get("venue", Document.class);
            String format = d.getString("format");
            return new CooperationEvent(UUID.fromString(d.getString("_id")), EventKind.valueOf(d.getString("kind")),
                    format == null ? null : EventFormat.valueOf(format), d.getString("title"),
                    texts(d.get("descriptions", Document.class)),
                    venue == null ? null : new Venue(venue.getString("name"), venue.getString("address"),
                            venue.getString("city")),
                    d.getString("onlineLink"), d.getList("organisers", String.class),
                    d.getList("partnershipIds", String.class).stream().map(UUID::fromString).toList(),
                    d.getString("programmeId"), d.getList("cities", String.class),
                    ZoneId.of(d.getString("timeZone")),
                    d.getList("timeZones", String.class).stream().map(ZoneId::of).toList(),
                    d.getDate("startsAt").toInstant(), d.getDate("endsAt").toInstant(),
                    // Events stored before precisions were known to the minute.
                    TimePrecision.valueOf(d.get("timePrecision", TimePrecision.TIME.name())),
                    d.getList("languages", String.class),
                    d.getList("interpretation", Document.class).stream().map(Mapper::interpretation).toList(),
                    d.getInteger("capacity"),
                    // Events stored before event-level materials have none.
                    d.getList("materials", Document.class, List.of()).stream().map(Mapper::material).toList(),
                    EventStatus.valueOf(d.getString("status")), d.getString("statusReason"),
                    d.getList("agenda", Document.class).stream().map(Mapper::session).toList(),
                    d.getList("agendaVersions", Document.class).stream().map(v -> new AgendaVersion(
                            v.getInteger("number"), v.getDate("publishedAt").toInstant(),
                            v.getList("sessions", Document.class).stream().map(Mapper::session).toList(),
                            v.getList("changes", Document.class).stream().map(Mapper::change).toList())).toList());
        }

        private static Document interpretation(Interpretation i) {
            return new Document("language", i.language()).append("otherLanguage", i.otherLanguage())
                    .append("mode", i.mode().name()).append("channel", i.channel());
        }

        private static Interpretation interpretation(Document d) {
            return new Interpretation(d.getString("language"), d.getString("otherLanguage"),
                    Interpretation.Mode.valueOf(d.getString("mode")), d.getString("channel"));
        }

        private static Document session(Session s) {
            return new Document("id", s.id().toString()).append("kind", s.kind().name())
                    .append("titles", LocalizedTexts.document(s.titles()))
                    .append("descriptions", LocalizedTexts.document(s.descriptions()))
                    .append("startsAt", Date.from(s.startsAt())).append("endsAt", Date.from(s.endsAt()))
                    .append("room", s.room()).append("channel", s.channel())
                    .append("speakers", s.speakers().stream().map(Mapper::speaker).toList())
                    .append("moderators", s.moderators().stream().map(Mapper::speaker).toList())
                    .append("materials", s.materials().stream().map(Mapper::material).toList())
                    .append("languages", s.languages())
                    .append("interpretation", s.interpretation().stream().map(Mapper::interpretation).toList());
        }

        private static Session session(Document d) {
            return new Session(UUID.fromString(d.getString("id")), SessionKind.valueOf(d.getString("kind")),
                    texts(d.get("titles", Document.class)), texts(d.get("descriptions", Document.class)),
                    d.getDate("startsAt").toInstant(), d.getDate("endsAt").toInstant(), d.getString("room"),
                    d.getString("channel"),
                    d.getList("speakers", Document.class).stream().map(Mapper::speaker).toList(),
                    d.getList("moderators", Document.class).stream().map(Mapper::speaker).toList(),
                    d.getList("materials", Document.class).stream().map(Mapper::material).toList(),
                    d.getList("languages", String.class),
                    d.getList("interpretation", Document.class).stream().map(Mapper::interpretation).toList());
        }

        private static Document material(Material m) {
            return new Document("title", m.title()).append("url", m.url()).append("language", m.language())
                    .append("mediaType", m.mediaType()).append("sizeBytes", m.sizeBytes());
        }

        private static Material material(Document m) {
            return new Material(m.getString("title"), m.getString("url"), m.getString("language"),
                    m.getString("mediaType"), m.getLong("sizeBytes"));
        }

        private static Document speaker(Speaker s) {
            return new Document("name", s.name()).append("title", s.title()).append("organisation", s.organisation())
                    .append("city", s.city()).append("country", s.country()).append("videoMessage", s.videoMessage());
        }

        private static Speaker speaker(Document d) {
            return new Speaker(d.getString("name"), d.getString("title"), d.getString("organisation"),
                    d.getString("city"), d.getString("country"), Boolean.TRUE.equals(d.getBoolean("videoMessage")));
        }

        private static Document change(AgendaChange c) {
            return new Document("type", c.type().name()).append("sessionId", c.sessionId().toString())
                    .append("from", period(c.from())).append("to", period(c.to()))
                    .append("speakersBefore", c.speakersBefore()).append("speakersAfter", c.speakersAfter());
        }

        private static AgendaChange change(Document d) {
            return new AgendaChange(AgendaChange.Type.valueOf(d.getString("type")),
                    UUID.fromString(d.getString("sessionId")), period(d.get("from", Document.class)),
                    period(d.get("to", Document.class)), d.getList("speakersBefore", String.class),
                    d.getList("speakersAfter", String.class));
        }

        private static Document period(AgendaChange.Period p) {
            return p == null ? null : new Document("startsAt", Date.from(p.startsAt()))
                    .append("endsAt", Date.from(p.endsAt()));
        }

        private static AgendaChange.Period period(Document d) {
            return d == null ? null : new AgendaChange.Period(d.getDate("startsAt").toInstant(),
                    d.getDate("endsAt").toInstant());
        }

        /** Documents stored before texts were LocalizedText hold {} for "none". */
        private static LocalizedText texts(Document d) {
            return d == null || d.isEmpty() ? null : LocalizedTexts.text(d);
        }

        static Instant instant(Date date) {
            return date.toInstant();
        }
    }
}
