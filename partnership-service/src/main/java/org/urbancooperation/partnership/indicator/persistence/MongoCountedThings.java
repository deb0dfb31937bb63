package org.urbancooperation.partnership.indicator.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.partnership.indicator.application.CountedThings;
import org.urbancooperation.partnership.indicator.domain.CountedThing;
import org.urbancooperation.partnership.indicator.domain.IndicatorMeasure;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.mongo.ReadModelWrites;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;

/**
 * One document per reported thing in {@code indicator_counted_things}, {@code _id} {@code <KIND>:<thingId>}: its
 * latest state (counts or not, for which partnerships) and the aggregate version it came with. A fact is one
 * conditional write ({@link ReadModelWrites#upsertIfNewer}): stale and duplicate facts change nothing. Actuals are
 * count queries over these states.
 */
public class MongoCountedThings implements CountedThings {

    private final MongoCollection<Document> things;

    public MongoCountedThings(MongoDatabase database) {
        this.things = database.getCollection("indicator_counted_things");
        // For the actuals' count queries; mongo-java-server ignores non-unique indexes, MongoDB uses it.
        things.createIndexes(List.of(new IndexModel(Indexes.ascending("partnershipIds", "kind", "counts"))));
    }

    @Override
    public boolean record(CountedThing state, long version) {
        Document fields = new Document("kind", state.kind().name())
                .append("thingId", state.thingId().toString())
                .append("partnershipIds", state.partnershipIds().stream().map(UUID::toString).toList())
                .append("counts", state.counts());
        return ReadModelWrites.upsertIfNewer(things, state.key(), version, fields) == HandlingOutcome.APPLIED;
    }

    @Override
    public long count(UUID partnershipId, IndicatorMeasure measure) {
        return things.countDocuments(Filters.and(Filters.eq("partnershipIds", partnershipId.toString()),
                Filters.eq("kind", CountedThing.Kind.countedFor(measure).name()), Filters.eq("counts", true)));
    }

    @Override
    public Map<Key, Long> countAll() {
        Map<Key, Long> counts = new HashMap<>();
        things.aggregate(List.of(
                Aggregates.match(Filters.eq("counts", true)),
                Aggregates.unwind("$partnershipIds"),
                new Document("$group", new Document("_id", new Document("partnershipId", "$partnershipIds")
                        .append("kind", "$kind")).append("n", new Document("$sum", 1)))))
                .forEach(d -> {
                    Document id = d.get("_id", Document.class);
                    counts.put(new Key(UUID.fromString(id.getString("partnershipId")),
                            CountedThing.Kind.valueOf(id.getString("kind")).measure()),
                            ((Number) d.get("n")).longValue());
                });
        return counts;
    }
}
