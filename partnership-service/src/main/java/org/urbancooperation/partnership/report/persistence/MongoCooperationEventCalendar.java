package org.urbancooperation.partnership.report.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.partnership.report.application.CooperationEventCalendar;
import org.urbancooperation.partnership.report.domain.CooperationEventEntry;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.mongo.ReadModelWrites;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * The report's calendar in the collection {@code report_cooperation_events}: one document per cooperation event
 * ({@code _id} its id), with the partnerships it names, its title, format, times, state and the aggregate version of
 * the fact that set the state ({@link ReadModelWrites#upsertIfNewer}, so a redelivered or overtaken fact changes
 * nothing).
 */
public class MongoCooperationEventCalendar implements CooperationEventCalendar {

    public static final String COLLECTION = "report_cooperation_events";

    private final MongoCollection<Document> events;

    public MongoCooperationEventCalendar(MongoDatabase database) {
        this.events = database.getCollection(COLLECTION);
    }

    @Override
    public boolean record(Fact fact, long aggregateVersion) {
        String id = fact.cooperationEventId().toString();
        Document state = new Document("state", fact.state().name())
                .append("cancellationReason", fact.cancellationReason());
        if (fact.partnershipIds() != null && !fact.partnershipIds().isEmpty()) {
            state.append("partnershipIds", ids(fact.partnershipIds()));
        }
        Document described = description(fact);
        state.putAll(described);
        if (ReadModelWrites.upsertIfNewer(events, id, aggregateVersion, state) == HandlingOutcome.APPLIED) {
            return true;
        }
        // Overtaken (a cancellation of a later version came first): its state stays, but what only this fact tells
        // (title, times, the partnerships) fills the gaps. Facts of one cooperation event arrive one at a time (one
        // Kafka key, one partition), so reading first and writing after is safe here.
        Document stored = events.find(Filters.eq("_id", id))
                .projection(Projections.include("title", "partnershipIds")).first();
        Document gaps = new Document();
        if (stored != null && stored.get("title") == null && !described.isEmpty()) {
            gaps.putAll(described);
        }
        if (stored != null && stored.get("partnershipIds") == null && state.containsKey("partnershipIds")) {
            gaps.append("partnershipIds", state.get("partnershipIds"));
        }
        if (!gaps.isEmpty()) {
            events.updateOne(Filters.eq("_id", id), new Document("$set", gaps));
        }
        return false;
    }

    @Override
    public List<CooperationEventEntry> ofPartnership(UUID partnershipId) {
        List<CooperationEventEntry> found = new ArrayList<>();
        for (Document d : events.find(Filters.eq("partnershipIds", partnershipId.toString()))) {
            found.add(entry(d));
        }
        return found;
    }

    private static Document description(Fact fact) {
        Document d = new Document();
        if (fact.title() != null) {
            d.append("title", fact.title());
        }
        if (fact.format() != null) {
            d.append("format", fact.format());
        }
        if (fact.startsAt() != null) {
            d.append("startsAt", Date.from(fact.startsAt()));
        }
        if (fact.endsAt() != null) {
            d.append("endsAt", Date.from(fact.endsAt()));
        }
        return d;
    }

    private static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).distinct().toList();
    }

    private static CooperationEventEntry entry(Document d) {
        List<String> partnerships = d.getList("partnershipIds", String.class, List.of());
        return new CooperationEventEntry(UUID.fromString(d.getString("_id")),
                partnerships.stream().map(UUID::fromString).toList(), d.getString("title"), d.getString("format"),
                instant(d.getDate("startsAt")), instant(d.getDate("endsAt")),
                CooperationEventEntry.State.valueOf(d.getString("state")), d.getString("cancellationReason"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
