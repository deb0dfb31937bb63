package org.urbancooperation.matching.profile.persistence;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.urbancooperation.matching.profile.application.BusinessProfileRepository;
import org.urbancooperation.matching.profile.domain.BusinessKind;
import org.urbancooperation.matching.profile.domain.BusinessProfile;
import org.urbancooperation.matching.profile.domain.BusinessProfileEvent;
import org.urbancooperation.matching.profile.domain.BusinessSize;
import org.urbancooperation.matching.profile.domain.Contact;
import org.urbancooperation.matching.profile.messaging.BusinessProfileIntegrationEvents;
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

/** Business profiles in the {@code business_profiles} collection, one document each with its outbox. */
public class MongoBusinessProfileRepository implements BusinessProfileRepository {

    public static final String COLLECTION = "business_profiles";

    private final AggregateStore<BusinessProfile> store;

    public MongoBusinessProfileRepository(AggregateStores stores) {
        this.store = stores.create(COLLECTION, "Business profile", new Mapper());
    }

    @Override
    public Optional<Versioned<BusinessProfile>> find(String id) {
        return store.find(id);
    }

    @Override
    public Versioned<BusinessProfile> insert(ResultWithEvents<BusinessProfile, BusinessProfileEvent> registered) {
        return store.insert(registered.aggregate(), BusinessProfileIntegrationEvents.of(registered.events()));
    }

    @Override
    public Versioned<BusinessProfile> update(ResultWithEvents<BusinessProfile, BusinessProfileEvent> changed,
            long readVersion, ExpectedVersion expected) {
        return store.update(changed.aggregate(), readVersion, expected,
                BusinessProfileIntegrationEvents.of(changed.events()));
    }

    @Override
    public Page<Versioned<BusinessProfile>> page(Sector sector, Subsector subsector, String country,
            PageRequest request) {
        List<Bson> conditions = new ArrayList<>();
        if (sector != null) {
            conditions.add(Filters.eq("sectors", sector.name()));
        }
        if (subsector != null) {
            conditions.add(Filters.eq("subsectors", subsector.name()));
        }
        if (country != null) {
            conditions.add(Filters.eq("country", country));
        }
        return store.page(AggregateStore.allOf(conditions), request);
    }

    @Override
    public void forEach(java.util.function.Consumer<Versioned<BusinessProfile>> action) {
        Mapper mapper = new Mapper();
        store.collection().find().batchSize(1000).forEach(d -> action.accept(new Versioned<>(mapper.fromDocument(d),
                ((Number) d.get(AggregateStore.VERSION)).longValue())));
    }

    static final class Mapper implements AggregateDocumentMapper<BusinessProfile> {

        @Override
        public String id(BusinessProfile p) {
            return p.id();
        }

        @Override
        public Document toDocument(BusinessProfile p) {
            return new Document("names", LocalizedTexts.document(p.names()))
                    .append("kind", p.kind().name())
                    .append("country", p.country())
                    .append("city", p.city())
                    .append("sectors", p.sectors().stream().map(Enum::name).toList())
                    .append("subsectors", p.subsectors().stream().map(Enum::name).toList())
                    .append("size", p.size().name())
                    .append("languages", p.languages())
                    .append("timeZone", p.timeZone().getId())
                    .append("description", LocalizedTexts.document(p.description()))
                    .append("contacts", p.contacts().stream().map(c -> new Document("name", c.name())
                            .append("role", c.role()).append("email", c.email()).append("phone", c.phone())).toList());
        }

        @Override
        public BusinessProfile fromDocument(Document d) {
            return new BusinessProfile(d.getString("_id"), LocalizedTexts.text(d.get("names", Document.class)),
                    BusinessKind.valueOf(d.getString("kind")), d.getString("country"), d.getString("city"),
                    d.getList("sectors", String.class).stream().map(Sector::valueOf).toList(),
                    d.getList("subsectors", String.class).stream().map(Subsector::valueOf).toList(),
                    BusinessSize.valueOf(d.getString("size")), d.getList("languages", String.class),
                    ZoneId.of(d.getString("timeZone")), LocalizedTexts.text(d.get("description", Document.class)),
                    d.getList("contacts", Document.class).stream().map(c -> new Contact(c.getString("name"),
                            c.getString("role"), c.getString("email"), c.getString("phone"))).toList());
        }
    }
}
