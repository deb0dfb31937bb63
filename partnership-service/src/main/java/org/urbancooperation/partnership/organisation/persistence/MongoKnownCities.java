package org.urbancooperation.partnership.organisation.persistence;

import org.bson.Document;
import org.urbancooperation.partnership.organisation.application.KnownCities;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/** Reads the city feature's {@code cities} collection by {@code _id}: a point lookup. */
public class MongoKnownCities implements KnownCities {

    static final String CITIES = "cities";

    private final MongoCollection<Document> cities;

    public MongoKnownCities(MongoDatabase database) {
        this.cities = database.getCollection(CITIES);
    }

    @Override
    public boolean exists(String cityId) {
        return cities.find(Filters.eq("_id", cityId)).projection(Projections.include("_id")).first() != null;
    }
}
