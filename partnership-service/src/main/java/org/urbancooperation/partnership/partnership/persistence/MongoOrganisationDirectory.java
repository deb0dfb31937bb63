package org.urbancooperation.partnership.partnership.persistence;

import org.bson.Document;
import org.urbancooperation.partnership.partnership.application.OrganisationDirectory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/** Reads the organisation feature's {@code organisations} collection by {@code _id} (the slug, e.g. {@code frea}). */
public class MongoOrganisationDirectory implements OrganisationDirectory {

    public static final String COLLECTION = "organisations";

    private final MongoCollection<Document> organisations;

    public MongoOrganisationDirectory(MongoDatabase database) {
        this.organisations = database.getCollection(COLLECTION);
    }

    @Override
    public boolean exists(String organisationId) {
        return organisations.find(Filters.eq("_id", organisationId)).projection(Projections.include("_id")).first()
                != null;
    }
}
