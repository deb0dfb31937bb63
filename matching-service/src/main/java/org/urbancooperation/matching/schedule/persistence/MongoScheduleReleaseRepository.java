package org.urbancooperation.matching.schedule.persistence;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.matching.schedule.application.ScheduleReleaseRepository;
import org.urbancooperation.matching.schedule.domain.PlacedMeeting;
import org.urbancooperation.matching.schedule.domain.ScheduleChange;
import org.urbancooperation.matching.schedule.domain.ScheduleRelease;
import org.urbancooperation.matching.schedule.domain.ScheduleStatistics;
import org.urbancooperation.matching.schedule.domain.UnplacedMatch;
import org.urbancooperation.matching.shared.domain.InterpreterPair;
import org.urbancooperation.support.application.Versioned;
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
 * Schedule releases in the {@code schedule_releases} collection, one document each; the id (event and zero-padded
 * number) makes a second release of one number a conflict.
 */
public class MongoScheduleReleaseRepository implements ScheduleReleaseRepository {

    public static final String COLLECTION = "schedule_releases";

    private final AggregateStore<ScheduleRelease> store;

    public MongoScheduleReleaseRepository(AggregateStores stores) {
        this.store = stores.create(COLLECTION, "Schedule release", new Mapper());
        // mongo-java-server ignores non-unique indexes; MongoDB uses it for an event's latest release and its pages.
        store.collection().createIndexes(List.of(new IndexModel(Indexes.ascending("matchingEventId", "_id"))));
    }

    @Override
    public Optional<ScheduleRelease> latest(UUID matchingEventId) {
        return store.list(Filters.eq("matchingEventId", matchingEventId.toString()), Sorts.descending("_id"), 0, 1)
                .stream().findFirst().map(Versioned::aggregate);
    }

    @Override
    public Optional<ScheduleRelease> find(UUID matchingEventId, int number) {
        return number < 1 ? Optional.empty()
                : store.find(ScheduleRelease.idOf(matchingEventId, number)).map(Versioned::aggregate);
    }

    @Override
    public void insert(ScheduleRelease release) {
        store.insert(release, List.of());
    }

    @Override
    public Page<ScheduleRelease> page(UUID matchingEventId, PageRequest request) {
        Page<Versioned<ScheduleRelease>> page = store.page(Filters.eq("matchingEventId", matchingEventId.toString()),
                request);
        return new Page<>(page.items().stream().map(Versioned::aggregate).toList(), page.next());
    }

    static final class Mapper implements AggregateDocumentMapper<ScheduleRelease> {

        @Override
        public String id(ScheduleRelease r) {
            return r.id();
        }

        @Override
        public Document toDocument(ScheduleRelease r) {
            ScheduleStatistics s = r.statistics();
            return new Document("matchingEventId", r.matchingEventId().toString())
                    .append("number", r.number())
                    .append("releasedAt", Date.from(r.releasedAt()))
                    .append("meetings", r.meetings().stream().map(Mapper::meeting).toList())
                    .append("unplaced", r.unplaced().stream().map(u -> new Document("matchId", u.matchId())
                            .append("reason", u.reason().name())).toList())
                    .append("statistics", new Document("meetingsPlaced", s.meetingsPlaced())
                            .append("matchesUnplaced", s.matchesUnplaced())
                            .append("meetingUpperBound", s.meetingUpperBound())
                            .append("slotsUsed", s.slotsUsed())
                            .append("slotLowerBound", s.slotLowerBound())
                            .append("tableUtilisation", s.tableUtilisation())
                            .append("interpretedMeetings", s.interpretedMeetings())
                            .append("interpreterUtilisation", s.interpreterUtilisation())
                            .append("meetingsInsideBothHours", s.meetingsInsideBothHours())
                            .append("meetingsWithBothHours", s.meetingsWithBothHours()))
                    .append("changes", r.changes().stream().map(c -> new Document("kind", c.kind().name())
                            .append("matchId", c.matchId())
                            .append("before", placed(c.before()))
                            .append("after", placed(c.after()))).toList());
        }

        @Override
        public ScheduleRelease fromDocument(Document d) {
            Document s = d.get("statistics", Document.class);
            return new ScheduleRelease(UUID.fromString(d.getString("matchingEventId")), d.getInteger("number"),
                    d.getDate("releasedAt").toInstant(),
                    d.getList("meetings", Document.class).stream().map(Mapper::meeting).toList(),
                    d.getList("unplaced", Document.class).stream().map(u -> new UnplacedMatch(u.getString("matchId"),
                            UnplacedMatch.Reason.valueOf(u.getString("reason")))).toList(),
                    new ScheduleStatistics(s.getInteger("meetingsPlaced"), s.getInteger("matchesUnplaced"),
                            s.getInteger("meetingUpperBound"), s.getInteger("slotsUsed"),
                            s.getInteger("slotLowerBound"), s.getDouble("tableUtilisation"),
                            s.getInteger("interpretedMeetings"), s.getDouble("interpreterUtilisation"),
                            s.getInteger("meetingsInsideBothHours"), s.getInteger("meetingsWithBothHours")),
                    d.getList("changes", Document.class).stream().map(c -> new ScheduleChange(
                            ScheduleChange.Kind.valueOf(c.getString("kind")), c.getString("matchId"),
                            placed(c.get("before", Document.class)), placed(c.get("after", Document.class))))
                            .toList());
        }

        private static Document meeting(ScheduleRelease.ReleasedMeeting m) {
            return new Document("matchId", m.matchId())
                    .append("participantA", m.participantA())
                    .append("participantB", m.participantB())
                    .append("slot", m.slot())
                    .append("startsAt", Date.from(m.startsAt()))
                    .append("endsAt", Date.from(m.endsAt()))
                    .append("table", m.table())
                    .append("interpreter", interpreter(m.interpreter()));
        }

        private static ScheduleRelease.ReleasedMeeting meeting(Document d) {
            return new ScheduleRelease.ReleasedMeeting(d.getString("matchId"), d.getString("participantA"),
                    d.getString("participantB"), d.getInteger("slot"), d.getDate("startsAt").toInstant(),
                    d.getDate("endsAt").toInstant(), d.getInteger("table"),
                    interpreter(d.getList("interpreter", String.class)));
        }

        private static Document placed(PlacedMeeting m) {
            return m == null ? null : new Document("matchId", m.matchId())
                    .append("participantA", m.participantA())
                    .append("participantB", m.participantB())
                    .append("slot", m.slot())
                    .append("table", m.table())
                    .append("interpreter", interpreter(m.interpreter()));
        }

        private static PlacedMeeting placed(Document d) {
            return d == null ? null : new PlacedMeeting(d.getString("matchId"), d.getString("participantA"),
                    d.getString("participantB"), d.getInteger("slot"), d.getInteger("table"),
                    interpreter(d.getList("interpreter", String.class)));
        }

        private static List<String> interpreter(InterpreterPair pair) {
            return pair == null ? null : List.of(pair.first(), pair.second());
        }

        private static InterpreterPair interpreter(List<String> pair) {
            return pair == null ? null : InterpreterPair.of(pair.get(0), pair.get(1));
        }
    }
}
