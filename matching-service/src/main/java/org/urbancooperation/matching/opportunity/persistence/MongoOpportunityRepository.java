package org.urbancooperation.matching.opportunity.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.urbancooperation.matching.opportunity.application.OpportunityFilter;
import org.urbancooperation.matching.opportunity.application.OpportunityRepository;
import org.urbancooperation.matching.opportunity.domain.CooperationType;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.opportunity.domain.OpportunityEvent;
import org.urbancooperation.matching.opportunity.domain.OpportunityStatus;
import org.urbancooperation.matching.opportunity.domain.OpportunityType;
import org.urbancooperation.matching.opportunity.messaging.OpportunityIntegrationEvents;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;
import org.urbancooperation.support.mongo.LocalizedTexts;
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

/** Opportunities in the {@code opportunities} collection, one document each with its outbox. */
public class MongoOpportunityRepository implements OpportunityRepository {

    public static final String COLLECTION = "opportunities";

    private final AggregateStore<Opportunity> store;

    public MongoOpportunityRepository(AggregateStores stores) {
        this.store = stores.create(COLLECTION, "Opportunity", new Mapper());
        // The expiry scan (status, validUntil); mongo-java-server ignores non-unique indexes, MongoDB uses it.
        store.collection().createIndexes(List.of(new IndexModel(Indexes.ascending("status", "validUntil"))));
    }

    @Override
    public Optional<Versioned<Opportunity>> find(UUID id) {
        return store.find(id.toString());
    }

    @Override
    public Versioned<Opportunity> insert(ResultWithEvents<Opportunity, OpportunityEvent> drafted) {
        return store.insert(drafted.aggregate(), OpportunityIntegrationEvents.of(drafted.events()));
    }

    @Override
    public Versioned<Opportunity> update(ResultWithEvents<Opportunity, OpportunityEvent> changed, long readVersion,
            ExpectedVersion expected) {
        return store.update(changed.aggregate(), readVersion, expected, OpportunityIntegrationEvents.of(changed.events()));
    }

    @Override
    public Page<Versioned<Opportunity>> page(OpportunityFilter f, PageRequest request) {
        List<Bson> conditions = new ArrayList<>();
        String published = OpportunityStatus.PUBLISHED.name();
        if (f.publishedOnly()) {
            conditions.add(Filters.eq("status", published));
        } else if (f.visibleTo() != null) {
            conditions.add(Filters.or(Filters.eq("status", published), Filters.eq("businessId", f.visibleTo())));
        }
        if (f.businessId() != null) {
            conditions.add(Filters.eq("businessId", f.businessId()));
        }
        if (f.status() != null) {
            conditions.add(Filters.eq("status", f.status().name()));
        }
        if (f.type() != null) {
            conditions.add(Filters.eq("type", f.type().name()));
        }
        if (f.sector() != null) {
            conditions.add(Filters.eq("sectors", f.sector().name()));
        }
        if (f.subsector() != null) {
            conditions.add(Filters.eq("subsectors", f.subsector().name()));
        }
        if (f.keyword() != null) {
            conditions.add(Filters.eq("keywordsLower", f.keyword()));
        }
        if (f.targetCountry() != null) {
            // No target country means any country.
            conditions.add(Filters.or(Filters.eq("targetCountries", f.targetCountry()),
                    Filters.size("targetCountries", 0)));
        }
        return store.page(AggregateStore.allOf(conditions), request);
    }

    @Override
    public List<Versioned<Opportunity>> dueForExpiry(Instant now, int limit) {
        return store.list(Filters.and(Filters.eq("status", OpportunityStatus.PUBLISHED.name()),
                Filters.lte("validUntil", Date.from(now))), Sorts.ascending("validUntil"), 0, limit);
    }

    @Override
    public void forEachPublished(Consumer<Versioned<Opportunity>> action) {
        Mapper mapper = new Mapper();
        store.collection().find(Filters.eq("status", OpportunityStatus.PUBLISHED.name())).batchSize(1000)
                .forEach(d -> action.accept(new Versioned<>(mapper.fromDocument(d),
                        ((Number) d.get(AggregateStore.VERSION)).longValue())));
    }

    static final class Mapper implements AggregateDocumentMapper<Opportunity> {

        @Override
        public String id(Opportunity o) {
            return o.id().toString();
        }

        @Override
        public Document toDocument(Opportunity o) {
            return new Document("businessId", o.businessId())
                    .append("type", o.type().name())
                    .append("title", LocalizedTexts.document(o.title()))
                    .append("summary", LocalizedTexts.document(o.summary()))
                    .append("sectors", o.sectors().stream().map(Enum::name).toList())
                    .append("subsectors", o.subsectors().stream().map(Enum::name).toList())
                    .append("keywords", o.keywords())
                    // For the keyword filter, which ignores case.
                    .append("keywordsLower", o.keywords().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList())
                    .append("cooperationTypes", o.cooperationTypes().stream().map(Enum::name).toList())
                    .append("targetCountries", o.targetCountries())
                    .append("referenceCode", o.referenceCode())
                    .append("validUntil", Date.from(o.validUntil()))
                    .append("status", o.status().name())
                    .append("withdrawalReason", o.withdrawalReason());
        }

        @Override
        public Opportunity fromDocument(Document d) {
            return new Opportunity(UUID.fromString(d.getString("_id")), d.getString("businessId"),
                    OpportunityType.valueOf(d.getString("type")), LocalizedTexts.text(d.get("title", Document.class)),
                    LocalizedTexts.text(d.get("summary", Document.class)),
                    d.getList("sectors", String.class).stream().map(Sector::valueOf).toList(),
                    d.getList("subsectors", String.class).stream().map(Subsector::valueOf).toList(),
                    d.getList("keywords", String.class),
                    d.getList("cooperationTypes", String.class).stream().map(CooperationType::valueOf).toList(),
                    d.getList("targetCountries", String.class), d.getString("referenceCode"),
                    d.getDate("validUntil").toInstant(), OpportunityStatus.valueOf(d.getString("status")),
                    d.getString("withdrawalReason"));
        }
    }
}
