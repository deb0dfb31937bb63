package org.urbancooperation.partnership.indicator.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.partnership.indicator.application.ActivityStore;
import org.urbancooperation.partnership.indicator.domain.PartnershipActivity;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.mongo.ReadModelWrites;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** One {@code programme_indicators} document per partnership; increments are idempotent per report. */
public class MongoActivityStore implements ActivityStore {

    private final MongoCollection<Document> indicators;

    public MongoActivityStore(MongoDatabase database) {
        this.indicators = database.getCollection("programme_indicators");
    }

    @Override
    public boolean countCooperationEvent(UUID partnershipId, UUID reportId, String format) {
        return ReadModelWrites.applyOnce(indicators, partnershipId.toString(), reportId, Updates.combine(
                Updates.inc("cooperationEventsScheduled", 1L),
                Updates.inc("cooperationEventsByFormat." + format, 1L))) == HandlingOutcome.APPLIED;
    }

    @Override
    public boolean countMatchingEvent(UUID partnershipId, UUID reportId) {
        return ReadModelWrites.applyOnce(indicators, partnershipId.toString(), reportId,
                Updates.inc("matchingEventsOpened", 1L)) == HandlingOutcome.APPLIED;
    }

    @Override
    public Optional<PartnershipActivity> find(UUID partnershipId) {
        Document d = indicators.find(Filters.eq("_id", partnershipId.toString())).first();
        if (d == null) {
            return Optional.empty();
        }
        Map<String, Long> byFormat = new HashMap<>();
        Document formats = d.get("cooperationEventsByFormat", Document.class);
        if (formats != null) {
            formats.forEach((format, count) -> byFormat.put(format, ((Number) count).longValue()));
        }
        return Optional.of(new PartnershipActivity(partnershipId, number(d, "cooperationEventsScheduled"), byFormat,
                number(d, "matchingEventsOpened")));
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
