package org.urbancooperation.partnership.organisation.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.urbancooperation.partnership.organisation.application.OrganisationRepository;
import org.urbancooperation.partnership.organisation.domain.Contact;
import org.urbancooperation.partnership.organisation.domain.Organisation;
import org.urbancooperation.partnership.organisation.domain.OrganisationEvent;
import org.urbancooperation.partnership.organisation.domain.OrganisationKind;
import org.urbancooperation.partnership.organisation.messaging.OrganisationIntegrationEvents;
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

/** Organisations in the {@code organisations} collection, {@code _id} the slug, one document each with its outbox. */
public class MongoOrganisationRepository implements OrganisationRepository {

    public static final String COLLECTION = "organisations";

    private final AggregateStore<Organisation> store;

    public MongoOrganisationRepository(AggregateStores stores) {
        this.store = stores.create(COLLECTION, "Organisation", new Mapper());
        // For the list's filters; mongo-java-server ignores non-unique indexes, MongoDB uses them.
        store.collection().createIndexes(List.of(
                new IndexModel(Indexes.ascending("kind", "_id")),
                new IndexModel(Indexes.ascending("homeCityId", "_id")),
                new IndexModel(Indexes.ascending("themes", "_id"))));
    }

    @Override
    public Optional<Versioned<Organisation>> find(String id) {
        return store.find(id);
    }

    @Override
    public Versioned<Organisation> insert(ResultWithEvents<Organisation, OrganisationEvent> registered) {
        return store.insert(registered.aggregate(), OrganisationIntegrationEvents.of(registered.events()));
    }

    @Override
    public Versioned<Organisation> update(ResultWithEvents<Organisation, OrganisationEvent> changed, long readVersion,
            ExpectedVersion expected) {
        return store.update(changed.aggregate(), readVersion, expected,
                OrganisationIntegrationEvents.of(changed.events()));
    }

    @Override
    public Page<Versioned<Organisation>> page(OrganisationKind kind, String homeCityId, String theme,
            PageRequest request) {
        List<Bson> conditions = new ArrayList<>();
        if (kind != null) {
            conditions.add(Filters.eq("kind", kind.name()));
        }
        if (homeCityId != null) {
            conditions.add(Filters.eq("homeCityId", homeCityId));
        }
        if (theme != null) {
            conditions.add(Filters.eq("themes", theme));
        }
        return store.page(AggregateStore.allOf(conditions), request);
    }

    static final class Mapper implements AggregateDocumentMapper<Organisation> {

        @Override
        public String id(Organisation o) {
            return o.id();
        }

        @Override
        public Document toDocument(Organisation o) {
            return new Document("names", LocalizedTexts.document(o.names()))
                    .append("kind", o.kind().name())
                    .append("homeCityId", o.homeCityId())
                    .append("themes", o.themes())
                    .append("website", o.website())
                    .append("contacts", o.contacts().stream().map(c -> new Document("name", c.name())
                            .append("role", c.role())
                            .append("email", c.email())).toList());
        }

        @Override
        public Organisation fromDocument(Document d) {
            return new Organisation(d.getString("_id"), LocalizedTexts.text(d.get("names", Document.class)),
                    OrganisationKind.valueOf(d.getString("kind")), d.getString("homeCityId"),
                    d.getList("themes", String.class, List.of()), d.getString("website"),
                    d.getList("contacts", Document.class, List.of()).stream()
                            .map(c -> new Contact(c.getString("name"), c.getString("role"), c.getString("email")))
                            .toList());
        }
    }
}
