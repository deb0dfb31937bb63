package org.urbancooperation.partnership.city.persistence;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.urbancooperation.partnership.city.application.CityRepository;
import org.urbancooperation.partnership.city.domain.City;
import org.urbancooperation.partnership.city.domain.CityEvent;
import org.urbancooperation.partnership.city.domain.ClimateCommitment;
import org.urbancooperation.partnership.city.domain.ClimateCommitmentKind;
import org.urbancooperation.partnership.city.messaging.CityIntegrationEvents;
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

/** Cities in the {@code cities} collection, {@code _id} the city's slug, one document each with its outbox. */
public class MongoCityRepository implements CityRepository {

    public static final String COLLECTION = "cities";

    private final AggregateStore<City> store;

    public MongoCityRepository(AggregateStores stores) {
        this.store = stores.create(COLLECTION, "City", new Mapper());
        // For the list's filters; mongo-java-server ignores non-unique indexes, MongoDB uses them.
        store.collection().createIndexes(List.of(
                new IndexModel(Indexes.ascending("countryCode", "_id")),
                new IndexModel(Indexes.ascending("climateCommitments.kind", "_id"))));
    }

    @Override
    public Optional<Versioned<City>> find(String id) {
        return store.find(id);
    }

    @Override
    public Versioned<City> insert(ResultWithEvents<City, CityEvent> registered) {
        return store.insert(registered.aggregate(), CityIntegrationEvents.of(registered.events()));
    }

    @Override
    public Versioned<City> update(ResultWithEvents<City, CityEvent> changed, long readVersion,
            ExpectedVersion expected) {
        return store.update(changed.aggregate(), readVersion, expected, CityIntegrationEvents.of(changed.events()));
    }

    @Override
    public Page<Versioned<City>> page(String countryCode, ClimateCommitmentKind commitment, PageRequest request) {
        List<Bson> conditions = new ArrayList<>();
        if (countryCode != null) {
            conditions.add(Filters.eq("countryCode", countryCode));
        }
        if (commitment != null) {
            conditions.add(Filters.eq("climateCommitments.kind", commitment.name()));
        }
        return store.page(AggregateStore.allOf(conditions), request);
    }

    static final class Mapper implements AggregateDocumentMapper<City> {

        @Override
        public String id(City city) {
            return city.id();
        }

        @Override
        public Document toDocument(City c) {
            return new Document("names", LocalizedTexts.document(c.names()))
                    .append("countryCode", c.countryCode())
                    .append("region", c.region())
                    .append("timeZone", c.timeZone().getId())
                    .append("climateCommitments", c.climateCommitments().stream()
                            .map(k -> new Document("kind", k.kind().name())
                                    .append("madeIn", k.madeIn())
                                    .append("targetYear", k.targetYear())
                                    .append("description", LocalizedTexts.document(k.description())))
                            .toList());
        }

        @Override
        public City fromDocument(Document d) {
            return new City(d.getString("_id"), LocalizedTexts.text(d.get("names", Document.class)),
                    d.getString("countryCode"),
                    d.getString("region"), ZoneId.of(d.getString("timeZone")),
                    d.getList("climateCommitments", Document.class, List.of()).stream()
                            .map(k -> new ClimateCommitment(ClimateCommitmentKind.valueOf(k.getString("kind")),
                                    k.getInteger("madeIn"), k.getInteger("targetYear"),
                                    LocalizedTexts.text(k.get("description", Document.class))))
                            .toList());
        }
    }
}
