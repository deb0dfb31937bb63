package org.urbancooperation.matching.match.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.urbancooperation.matching.match.application.MatchFilter;
import org.urbancooperation.matching.match.application.MatchRepository;
import org.urbancooperation.matching.match.domain.Match;
import org.urbancooperation.matching.match.domain.MatchEvent;
import org.urbancooperation.matching.match.domain.MatchOrigin;
import org.urbancooperation.matching.match.domain.MatchSide;
import org.urbancooperation.matching.match.domain.MatchStatus;
import org.urbancooperation.matching.match.domain.Outcome;
import org.urbancooperation.matching.match.messaging.MatchIntegrationEvents;
import org.urbancooperation.matching.opportunity.domain.CooperationType;
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
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/**
 * Matches in the {@code matches} collection, one document each with its outbox. Besides the two sides, each
 * document keeps {@code businessIds} and {@code opportunityIds} as arrays, for the lists' filters and the queries of
 * the contact reveal and the engine's declined pairs.
 */
public class MongoMatchRepository implements MatchRepository {

    public static final String COLLECTION = "matches";
    static final String CAP_PLACE = "capPlace";

    private final AggregateStore<Match> store;

    public MongoMatchRepository(AggregateStores stores) {
        this.store = stores.create(COLLECTION, "Match", new Mapper());
        // mongo-java-server ignores non-unique indexes; MongoDB uses them for the expiry scan, the cap's count, the
        // contact reveal and the declined pairs.
        store.collection().createIndexes(List.of(
                new IndexModel(Indexes.ascending("status", "expiresAt")),
                new IndexModel(Indexes.ascending("first.businessId", "origin", "status")),
                new IndexModel(Indexes.ascending("businessIds", "status")),
                new IndexModel(Indexes.ascending("opportunityIds", "status")),
                // The cap on pending expressions of interest: each holds one of its requester's numbered places, so
                // two requests at the same instant cannot both take the last one. Every document written since has a
                // value (a free place is the match's own id), sparse for those written before.
                new IndexModel(Indexes.ascending(CAP_PLACE), new IndexOptions().unique(true).sparse(true))));
    }

    @Override
    public Optional<Versioned<Match>> find(UUID id) {
        return store.find(id.toString());
    }

    @Override
    public Versioned<Match> insert(ResultWithEvents<Match, MatchEvent> created) {
        return store.insert(created.aggregate(), MatchIntegrationEvents.of(created.events()));
    }

    @Override
    public Versioned<Match> update(ResultWithEvents<Match, MatchEvent> changed, long readVersion,
            ExpectedVersion expected) {
        return store.update(changed.aggregate(), readVersion, expected, MatchIntegrationEvents.of(changed.events()));
    }

    @Override
    public Page<Versioned<Match>> page(MatchFilter f, PageRequest request) {
        List<Bson> conditions = new ArrayList<>();
        if (f.involving() != null) {
            conditions.add(Filters.eq("businessIds", f.involving()));
        }
        if (f.businessId() != null) {
            conditions.add(Filters.eq("businessIds", f.businessId()));
        }
        if (f.status() != null) {
            conditions.add(Filters.eq("status", f.status().name()));
        }
        if (f.opportunityId() != null) {
            conditions.add(Filters.eq("opportunityIds", f.opportunityId().toString()));
        }
        if (f.matchingEventId() != null) {
            conditions.add(Filters.eq("matchingEventId", f.matchingEventId().toString()));
        }
        return store.page(AggregateStore.allOf(conditions), request);
    }

    @Override
    public List<Versioned<Match>> dueForExpiry(Instant now, int limit) {
        return store.list(Filters.and(Filters.eq("status", MatchStatus.PENDING.name()),
                Filters.lte("expiresAt", Date.from(now))), Sorts.ascending("expiresAt"), 0, limit);
    }

    @Override
    public List<Versioned<Match>> pendingWith(UUID opportunityId, int limit) {
        return store.list(Filters.and(Filters.eq("opportunityIds", opportunityId.toString()),
                Filters.eq("status", MatchStatus.PENDING.name())), Sorts.ascending("_id"), 0, limit);
    }

    @Override
    public List<Integer> pendingInterestPlacesOf(String businessId) {
        List<Integer> places = new ArrayList<>();
        store.collection().find(Filters.and(Filters.eq("first.businessId", businessId),
                Filters.eq("origin", MatchOrigin.EXPRESSION_OF_INTEREST.name()),
                Filters.eq("status", MatchStatus.PENDING.name()))).projection(new Document(CAP_PLACE, 1))
                .forEach(d -> places.add(placeNumber(d.getString(CAP_PLACE), businessId)));
        return places;
    }

    /** The number of a place {@code business#3}; -1 for a pending interest stored before places existed. */
    private static int placeNumber(String place, String businessId) {
        return place != null && place.startsWith(businessId + "#")
                ? Integer.parseInt(place.substring(businessId.length() + 1)) : -1;
    }

    @Override
    public Set<UUID> declinedWith(UUID opportunityId) {
        Set<UUID> others = new HashSet<>();
        String id = opportunityId.toString();
        store.collection().find(Filters.and(Filters.eq("opportunityIds", id),
                Filters.eq("status", MatchStatus.DECLINED.name())))
                .projection(new Document("opportunityIds", 1))
                .forEach(d -> d.getList("opportunityIds", String.class).stream().filter(o -> !o.equals(id))
                        .map(UUID::fromString).forEach(others::add));
        return others;
    }

    @Override
    public boolean confirmedBetween(String businessId, String otherBusinessId) {
        return store.collection().find(Filters.and(Filters.all("businessIds", List.of(businessId, otherBusinessId)),
                Filters.eq("status", MatchStatus.CONFIRMED.name()))).projection(new Document("_id", 1))
                .first() != null;
    }

    @Override
    public Map<MatchStatus, Long> countByStatus() {
        Map<MatchStatus, Long> counts = new EnumMap<>(MatchStatus.class);
        for (MatchStatus status : MatchStatus.values()) {
            counts.put(status, store.collection().countDocuments(Filters.eq("status", status.name())));
        }
        return counts;
    }

    @Override
    public long countAgreements() {
        return store.collection().countDocuments(Filters.and(Filters.eq("first.outcome.agreementReached", true),
                Filters.eq("second.outcome.agreementReached", true)));
    }

    static final class Mapper implements AggregateDocumentMapper<Match> {

        @Override
        public String id(Match m) {
            return m.id().toString();
        }

        @Override
        public Document toDocument(Match m) {
            return new Document("origin", m.origin().name())
                    .append("first", side(m.first()))
                    .append("second", side(m.second()))
                    .append("businessIds", List.of(m.first().businessId(), m.second().businessId()))
                    .append("opportunityIds", java.util.stream.Stream.of(m.first(), m.second())
                            .map(MatchSide::opportunityId).filter(java.util.Objects::nonNull).map(UUID::toString)
                            .toList())
                    .append("matchingEventId", m.matchingEventId() == null ? null : m.matchingEventId().toString())
                    .append("score", m.score())
                    .append("reasons", m.reasons())
                    .append("message", m.message())
                    .append("status", m.status().name())
                    .append("createdAt", Date.from(m.createdAt()))
                    .append("expiresAt", Date.from(m.expiresAt()))
                    .append("declinedBy", m.declinedBy())
                    .append("declineReason", m.declineReason())
                    .append("withdrawalReason", m.withdrawalReason())
                    .append("partnershipIds", m.partnershipIds().stream().map(UUID::toString).toList())
                    .append(CAP_PLACE, m.capPlace() != null ? m.first().businessId() + "#" + m.capPlace()
                            : "match:" + m.id());
        }

        @Override
        public Match fromDocument(Document d) {
            String event = d.getString("matchingEventId");
            return new Match(UUID.fromString(d.getString("_id")), MatchOrigin.valueOf(d.getString("origin")),
                    side(d.get("first", Document.class)), side(d.get("second", Document.class)),
                    event == null ? null : UUID.fromString(event), d.getDouble("score"),
                    d.getList("reasons", String.class), d.getString("message"),
                    MatchStatus.valueOf(d.getString("status")), d.getDate("createdAt").toInstant(),
                    d.getDate("expiresAt").toInstant(), d.getString("declinedBy"), d.getString("declineReason"),
                    d.getString("withdrawalReason"),
                    d.getList("partnershipIds", String.class).stream().map(UUID::fromString).toList(),
                    capPlace(d));
        }

        private static Integer capPlace(Document d) {
            int place = placeNumber(d.getString(CAP_PLACE), d.get("first", Document.class).getString("businessId"));
            return place >= 0 && MatchStatus.PENDING.name().equals(d.getString("status")) ? place : null;
        }

        private static Document side(MatchSide s) {
            Outcome o = s.outcome();
            return new Document("businessId", s.businessId())
                    .append("opportunityId", s.opportunityId() == null ? null : s.opportunityId().toString())
                    .append("acceptedAt", s.acceptedAt() == null ? null : Date.from(s.acceptedAt()))
                    .append("outcome", o == null ? null : new Document("rating", o.rating())
                            .append("agreementReached", o.agreementReached())
                            .append("agreementType", o.agreementType() == null ? null : o.agreementType().name()));
        }

        private static MatchSide side(Document d) {
            String opportunity = d.getString("opportunityId");
            Date accepted = d.getDate("acceptedAt");
            Document o = d.get("outcome", Document.class);
            String type = o == null ? null : o.getString("agreementType");
            return new MatchSide(d.getString("businessId"), opportunity == null ? null : UUID.fromString(opportunity),
                    accepted == null ? null : accepted.toInstant(),
                    o == null ? null : new Outcome(o.getInteger("rating"), o.getBoolean("agreementReached"),
                            type == null ? null : CooperationType.valueOf(type)));
        }
    }
}
