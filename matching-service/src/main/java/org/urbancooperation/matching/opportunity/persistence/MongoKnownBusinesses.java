package org.urbancooperation.matching.opportunity.persistence;

import org.bson.Document;
import org.urbancooperation.matching.opportunity.application.KnownBusinesses;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/** Reads the profiles feature's collection in the same database: a profile exists or it does not. */
public class MongoKnownBusinesses implements KnownBusinesses {

    /** The profiles feature's collection; named here, not imported, so the features stay apart. */
    static final String PROFILES = "business_profiles";

    private final MongoCollection<Document> profiles;

    public MongoKnownBusinesses(MongoDatabase database) {
        this.profiles = database.getCollection(PROFILES);
    }

    @Override
    public boolean hasProfile(String businessId) {
        return profiles.find(Filters.eq("_id", businessId)).projection(new Document("_id", 1)).first() != null;
    }
}
