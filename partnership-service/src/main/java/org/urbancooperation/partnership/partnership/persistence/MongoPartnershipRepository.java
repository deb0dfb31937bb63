package org.urbancooperation.partnership.partnership.persistence;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.urbancooperation.partnership.partnership.application.PartnershipRepository;
import org.urbancooperation.partnership.partnership.domain.Agreement;
import org.urbancooperation.partnership.partnership.domain.PartnerCity;
import org.urbancooperation.partnership.partnership.domain.Partnership;
import org.urbancooperation.partnership.partnership.domain.PartnershipEvent;
import org.urbancooperation.partnership.partnership.messaging.PartnershipIntegrationEvents;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.mongo.AggregateDocumentMapper;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.mongo.AggregateStores;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/** Partnerships in the {@code partnerships} collection, one document each with its outbox. */
public class MongoPartnershipRepository implements PartnershipRepository {

    private final AggregateStore<Partnership> store;

    public MongoPartnershipRepository(AggregateStores stores) {
        this.store = stores.create("partnerships", "Partnership", new Mapper());
        // For listing by name; mongo-java-server ignores non-unique indexes, MongoDB uses it.
        store.collection().createIndexes(List.of(new IndexModel(Indexes.ascending("name"))));
    }

    @Override
    public Optional<Versioned<Partnership>> find(UUID id) {
        return store.find(id.toString());
    }

    @Override
    public Versioned<Partnership> insert(ResultWithEvents<Partnership, PartnershipEvent> created) {
        return store.insert(created.aggregate(), PartnershipIntegrationEvents.of(created.events()));
    }

    @Override
    public Versioned<Partnership> update(ResultWithEvents<Partnership, PartnershipEvent> changed, long readVersion,
            ExpectedVersion expected) {
        return store.update(changed.aggregate(), readVersion, expected, PartnershipIntegrationEvents.of(changed.events()));
    }

    @Override
    public List<Versioned<Partnership>> list(String name, int offset, int limit) {
        Bson filter = name == null ? new Document() : Filters.eq("name", name);
        return store.list(filter, Sorts.ascending("establishedOn", "_id"), offset, limit);
    }

    static final class Mapper implements AggregateDocumentMapper<Partnership> {

        @Override
        public String id(Partnership p) {
            return p.id().toString();
        }

        @Override
        public Document toDocument(Partnership p) {
            return new Document("name", p.name())
                    .append("cities", p.cities().stream().map(c -> new Document("name", c.name())
                            .append("countryCode", c.countryCode())
                            .append("timeZone", c.timeZone().getId())).toList())
                    .append("themes", p.themes())
                    .append("establishedOn", p.establishedOn().toString())
                    .append("agreements", p.agreements().stream().map(a -> new Document("id", a.id().toString())
                            .append("title", a.title())
                            .append("signedOn", a.signedOn().toString())).toList())
                    .append("partnerOrganisations", p.partnerOrganisations());
        }

        @Override
        public Partnership fromDocument(Document d) {
            return new Partnership(UUID.fromString(d.getString("_id")), d.getString("name"),
                    d.getList("cities", Document.class).stream().map(c -> new PartnerCity(c.getString("name"),
                            c.getString("countryCode"), ZoneId.of(c.getString("timeZone")))).toList(),
                    d.getList("themes", String.class),
                    LocalDate.parse(d.getString("establishedOn")),
                    d.getList("agreements", Document.class).stream().map(a -> new Agreement(
                            UUID.fromString(a.getString("id")), a.getString("title"),
                            LocalDate.parse(a.getString("signedOn")))).toList(),
                    d.getList("partnerOrganisations", String.class, List.of()));
        }
    }
}
