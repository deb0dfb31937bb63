package org.urbancooperation.partnership.actionplan.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.partnership.actionplan.application.FocalPointRepository;
import org.urbancooperation.partnership.actionplan.domain.FocalPoint;
import org.urbancooperation.support.mongo.LocalizedTexts;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.mongo.AggregateDocumentMapper;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.mongo.MongoErrors;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/** Focal points in the {@code focal_points} collection, one document each; a number once per partnership. */
public class MongoFocalPointRepository implements FocalPointRepository {

    private final AggregateStore<FocalPoint> store;

    public MongoFocalPointRepository(AggregateStores stores) {
        this.store = stores.create("focal_points", "Focal point", new Mapper());
        // Unique: two partner staff numbering two focal points alike at the same moment get one 409.
        store.collection().createIndexes(List.of(new IndexModel(Indexes.ascending("partnershipId", "number"),
                new IndexOptions().unique(true))));
    }

    @Override
    public Optional<Versioned<FocalPoint>> find(UUID id) {
        return store.find(id.toString());
    }

    @Override
    public List<Versioned<FocalPoint>> ofPartnership(UUID partnershipId) {
        return store.list(Filters.eq("partnershipId", partnershipId.toString()), Sorts.ascending("number"), 0,
                FocalPoint.MAX_NUMBER);
    }

    @Override
    public Versioned<FocalPoint> insert(FocalPoint focalPoint) {
        return store.insert(focalPoint, List.of());
    }

    @Override
    public Versioned<FocalPoint> update(FocalPoint focalPoint, long readVersion, ExpectedVersion expected) {
        try {
            return store.update(focalPoint, readVersion, expected, List.of());
        } catch (MongoException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                throw new ConcurrentModificationConflict("Focal point " + focalPoint.number()
                        + " was given to another focal point at the same time; read them again", false);
            }
            throw e;
        }
    }

    static final class Mapper implements AggregateDocumentMapper<FocalPoint> {

        @Override
        public String id(FocalPoint f) {
            return f.id().toString();
        }

        @Override
        public Document toDocument(FocalPoint f) {
            // Every field, null ones too: the store $sets the state, so an absent field would keep its old value.
            return new Document("partnershipId", f.partnershipId().toString())
                    .append("number", f.number())
                    .append("title", LocalizedTexts.document(f.title()))
                    .append("description", f.description());
        }

        @Override
        public FocalPoint fromDocument(Document d) {
            return new FocalPoint(UUID.fromString(d.getString("_id")), UUID.fromString(d.getString("partnershipId")),
                    d.getInteger("number"), LocalizedTexts.text(d.get("title", Document.class)), d.getString("description"));
        }
    }
}
