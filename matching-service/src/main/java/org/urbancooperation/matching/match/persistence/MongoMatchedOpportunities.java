package org.urbancooperation.matching.match.persistence;

import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.matching.match.application.MatchedOpportunities;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/** Reads the opportunities feature's collection: whose an opportunity is and whether it is published. */
public class MongoMatchedOpportunities implements MatchedOpportunities {

    /** The opportunities feature's collection; named here, not imported, so the features stay apart. */
    static final String OPPORTUNITIES = "opportunities";

    private final MongoCollection<Document> opportunities;

    public MongoMatchedOpportunities(MongoDatabase database) {
        this.opportunities = database.getCollection(OPPORTUNITIES);
    }

    @Override
    public Optional<MatchedOpportunity> find(UUID opportunityId) {
        Document d = opportunities.find(Filters.eq("_id", opportunityId.toString()))
                .projection(new Document("businessId", 1).append("status", 1)).first();
        return Optional.ofNullable(d).map(o -> new MatchedOpportunity(opportunityId, o.getString("businessId"),
                "PUBLISHED".equals(o.getString("status"))));
    }
}
