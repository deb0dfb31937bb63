package org.urbancooperation.partnership.indicator.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.partnership.indicator.application.PartnershipDirectory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;

/**
 * Reads the partnership feature's {@code partnerships} collection by {@code _id}: only the flat list of member
 * organisations and the status, the two fields the features agreed to keep (a point lookup, no other feature's code).
 */
public class MongoPartnershipDirectory implements PartnershipDirectory {

    private final MongoCollection<Document> partnerships;

    public MongoPartnershipDirectory(MongoDatabase database) {
        this.partnerships = database.getCollection("partnerships");
    }

    @Override
    public Optional<PartnershipFacts> find(UUID partnershipId) {
        Document d = partnerships.find(new Document("_id", partnershipId.toString()))
                .projection(Projections.include("partnerOrganisations", "status")).first();
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(new PartnershipFacts(d.getList("partnerOrganisations", String.class, List.of()),
                Optional.ofNullable(d.get("status")).map(Object::toString)));
    }
}
