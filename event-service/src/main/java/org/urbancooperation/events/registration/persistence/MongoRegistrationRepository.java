package org.urbancooperation.events.registration.persistence;

import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.events.registration.application.RegistrationRepository;
import org.urbancooperation.events.registration.domain.EventRegistrations;
import org.urbancooperation.events.registration.domain.Registration;
import org.urbancooperation.events.registration.domain.RegistrationChange;
import org.urbancooperation.events.registration.domain.RegistrationRole;
import org.urbancooperation.events.registration.domain.RegistrationStatus;
import org.urbancooperation.events.registration.messaging.RegistrationIntegrationEvents;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.mongo.AggregateDocumentMapper;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.mongo.AggregateStores;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;

/**
 * Each cooperation event's registrations in the {@code event_registrations} collection, one document per event
 * ({@code _id} the event's id) with its outbox: a place given or freed and the integration events saying so are one
 * write, conditional on the version read (docs/decisions/0005).
 */
public class MongoRegistrationRepository implements RegistrationRepository {

    /** Reads of one document in a row that may each be torn before one is whole (see {@link Stored}). */
    static final int READS = 100;
    static final String STATE = "state";

    /**
     * An event's registrations as stored, with the version they are written at. The state is ONE top-level field
     * that carries that version again: mongo-java-server changes a document in place, replacing each top-level field
     * in turn, and answers a concurrent read from the live document, so a read can see the new {@code version} with
     * old other fields. A write conditional on that version would then store a state computed from stale data and
     * lose the other write. One top-level field is replaced whole, so comparing its version with the document's
     * tells a torn read, which is read again. (On MongoDB a read is never torn; the check then costs nothing.)
     */
    record Stored(EventRegistrations registrations, long version) {
    }

    private final AggregateStore<Stored> store;

    public MongoRegistrationRepository(AggregateStores stores) {
        this.store = stores.create("event_registrations", "Registrations of cooperation event", new Mapper());
        // confirmedOf: a participant's registrations across events (mongo-java-server ignores it, MongoDB uses it).
        store.collection().createIndexes(List.of(new IndexModel(Indexes.ascending(STATE + ".registrations.participant"))));
    }

    @Override
    public Optional<Versioned<EventRegistrations>> find(UUID cooperationEventId) {
        for (int read = 1; ; read++) {
            try {
                return store.find(cooperationEventId.toString())
                        .map(v -> new Versioned<>(v.aggregate().registrations(), v.version()));
            } catch (TornRead torn) {
                if (read >= READS) {
                    throw new ConcurrentModificationConflict("Registrations of cooperation event " + cooperationEventId
                            + " change too fast to be read; retry", false);
                }
            }
        }
    }

    @Override
    public Versioned<EventRegistrations> update(ResultWithEvents<EventRegistrations, RegistrationChange> changed,
            long readVersion) {
        // Retried by the application on a conflict: the If-Match of a registration is its own version, not this one.
        if (readVersion == 0) {
            // The event's first change: its registrations are stored now, with what the change raised (a racing first
            // change is a duplicate key, i.e. a conflict the application retries on the stored document).
            Versioned<Stored> inserted = store.insert(new Stored(changed.aggregate(), 1L),
                    RegistrationIntegrationEvents.of(changed.aggregate(), changed.events()));
            return new Versioned<>(changed.aggregate(), inserted.version());
        }
        Versioned<Stored> stored = store.update(new Stored(changed.aggregate(), readVersion + 1), readVersion,
                ExpectedVersion.any(), RegistrationIntegrationEvents.of(changed.aggregate(), changed.events()));
        return new Versioned<>(changed.aggregate(), stored.version());
    }

    @Override
    public List<ConfirmedRegistration> confirmedOf(String participant) {
        List<ConfirmedRegistration> confirmed = new ArrayList<>();
        store.collection().find(Filters.elemMatch(STATE + ".registrations", Filters.and(
                Filters.eq("participant", participant), Filters.eq("status", RegistrationStatus.CONFIRMED.name()))))
                .projection(Projections.include(STATE + ".registrations"))
                .forEach(d -> d.get(STATE, Document.class).getList("registrations", Document.class).stream()
                        .filter(r -> participant.equals(r.getString("participant"))
                                && RegistrationStatus.CONFIRMED.name().equals(r.getString("status")))
                        .forEach(r -> confirmed.add(new ConfirmedRegistration(UUID.fromString(d.getString("_id")),
                                UUID.fromString(r.getString("id")), uuids(r.getList("sessionIds", String.class))))));
        return confirmed;
    }

    @Override
    public Map<RegistrationStatus, Long> countByStatus() {
        Map<RegistrationStatus, Long> counts = new EnumMap<>(RegistrationStatus.class);
        for (RegistrationStatus s : RegistrationStatus.values()) {
            counts.put(s, 0L);
        }
        statuses().forEach(event -> event.forEach(s -> counts.merge(s, 1L, Long::sum)));
        return counts;
    }

    @Override
    public WaitlistLengths waitlistLengths() {
        long total = 0;
        long longest = 0;
        for (List<RegistrationStatus> event : statuses()) {
            long waiting = event.stream().filter(s -> s == RegistrationStatus.WAITLISTED).count();
            total += waiting;
            longest = Math.max(longest, waiting);
        }
        return new WaitlistLengths(total, longest);
    }

    @Override
    public List<EventRegistrations> withWaitlist() {
        List<EventRegistrations> waiting = new ArrayList<>();
        // A torn read here is harmless: the gauge counts again at its next interval.
        store.collection().find(Filters.eq(STATE + ".registrations.status", RegistrationStatus.WAITLISTED.name()))
                .forEach(d -> waiting.add(Mapper.registrations(d.get(STATE, Document.class), d.getString("_id"))));
        return waiting;
    }

    /** Only the statuses of each event's registrations: what the gauges count. */
    private List<List<RegistrationStatus>> statuses() {
        List<List<RegistrationStatus>> all = new ArrayList<>();
        store.collection().find().projection(Projections.include(STATE + ".registrations.status"))
                .forEach(d -> all.add(d.get(STATE, Document.class).getList("registrations", Document.class).stream()
                        .map(r -> RegistrationStatus.valueOf(r.getString("status"))).toList()));
        return all;
    }

    private static List<UUID> uuids(List<String> ids) {
        return ids == null ? List.of() : ids.stream().map(UUID::fromString).toList();
    }

    /** A read that saw fields of two writes: read again. */
    static final class TornRead extends RuntimeException {

        TornRead() {
            super(null, null, false, false);
        }
    }

    static final class Mapper implements AggregateDocumentMapper<Stored> {

        @Override
        public String id(Stored s) {
            return s.registrations().cooperationEventId().toString();
        }

        @Override
        public Document toDocument(Stored s) {
            EventRegistrations e = s.registrations();
            Document capacities = new Document();
            e.sessionCapacities().forEach((session, places) -> capacities.append(session.toString(), places));
            return new Document(STATE, new Document("version", s.version())
                    .append("deadline", e.deadline() == null ? null : Date.from(e.deadline()))
                    .append("sessionCapacities", capacities)
                    .append("partnershipIds", e.partnershipIds().stream().map(UUID::toString).toList())
                    .append("nextSequence", e.nextSequence())
                    .append("eventVersionSeen", e.eventVersionSeen())
                    .append("registrations", e.registrations().stream().map(Mapper::registration).toList()));
        }

        @Override
        public Stored fromDocument(Document d) {
            Document state = d.get(STATE, Document.class);
            long version = ((Number) d.get(AggregateStore.VERSION)).longValue();
            if (state == null || state.getLong("version") != version) {
                throw new TornRead();
            }
            return new Stored(registrations(state, d.getString("_id")), version);
        }

        static EventRegistrations registrations(Document d, String id) {
            Map<UUID, Integer> capacities = new LinkedHashMap<>();
            Document stored = d.get("sessionCapacities", Document.class);
            if (stored != null) {
                stored.forEach((session, places) -> capacities.put(UUID.fromString(session), (Integer) places));
            }
            Date deadline = d.getDate("deadline");
            return new EventRegistrations(UUID.fromString(id),
                    deadline == null ? null : deadline.toInstant(), capacities,
                    uuids(d.getList("partnershipIds", String.class)),
                    d.getList("registrations", Document.class).stream().map(Mapper::registration).toList(),
                    d.getLong("nextSequence"), d.getLong("eventVersionSeen"));
        }

        private static Document registration(Registration r) {
            return new Document("id", r.id().toString()).append("participant", r.participant())
                    .append("role", r.role().name()).append("name", r.name())
                    .append("organisation", r.organisation())
                    .append("sessionIds", r.sessionIds().stream().map(UUID::toString).toList())
                    .append("status", r.status().name()).append("sequence", r.sequence())
                    .append("registeredAt", Date.from(r.registeredAt()))
                    .append("attendedAt", r.attendedAt() == null ? null : Date.from(r.attendedAt()))
                    .append("version", r.version());
        }

        private static Registration registration(Document d) {
            Date attended = d.getDate("attendedAt");
            return new Registration(UUID.fromString(d.getString("id")), d.getString("participant"),
                    RegistrationRole.valueOf(d.getString("role")), d.getString("name"), d.getString("organisation"),
                    uuids(d.getList("sessionIds", String.class)), RegistrationStatus.valueOf(d.getString("status")),
                    d.getLong("sequence"), d.getDate("registeredAt").toInstant(),
                    attended == null ? null : attended.toInstant(), d.getLong("version"));
        }
    }
}
