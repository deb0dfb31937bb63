package org.urbancooperation.matching.matchingevent.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.matching.matchingevent.application.ParticipantDirectory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Reads the profiles feature's collection (named here, not imported, so the features stay apart) and this feature's
 * known partnerships.
 */
public class MongoParticipantDirectory implements ParticipantDirectory {

    static final String PROFILES = "business_profiles";

    private final MongoCollection<Document> profiles;
    private final MongoCollection<Document> partnerships;

    public MongoParticipantDirectory(MongoDatabase database) {
        this.profiles = database.getCollection(PROFILES);
        this.partnerships = database.getCollection(KnownPartnerships.COLLECTION);
    }

    @Override
    public Optional<String> cityOf(String businessId) {
        return Optional.ofNullable(profiles.find(Filters.eq("_id", businessId)).projection(new Document("city", 1))
                .first()).map(d -> d.getString("city"));
    }

    @Override
    public List<String> cityNamesOf(UUID partnershipId) {
        Document d = partnerships.find(Filters.eq("_id", partnershipId.toString()))
                .projection(new Document("cityNames", 1)).first();
        return d == null ? List.of() : d.getList("cityNames", String.class, List.of());
    }
}
