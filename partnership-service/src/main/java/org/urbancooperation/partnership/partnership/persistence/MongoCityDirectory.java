package org.urbancooperation.partnership.partnership.persistence;

import java.util.Optional;

import org.bson.Document;
import org.urbancooperation.partnership.partnership.application.CityDirectory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Reads the city feature's {@code cities} collection by {@code _id} (the city's slug, e.g. {@code koriyama}): its
 * English name ({@code names.en}), country ({@code countryCode}, ISO 3166-1 alpha-2) and IANA {@code timeZone}. A
 * document without a country or zone is treated as unknown: a partnership cannot place such a city.
 */
public class MongoCityDirectory implements CityDirectory {

    public static final String COLLECTION = "cities";

    private final MongoCollection<Document> cities;

    public MongoCityDirectory(MongoDatabase database) {
        this.cities = database.getCollection(COLLECTION);
    }

    @Override
    public Optional<KnownCity> find(String cityId) {
        Document d = cities.find(Filters.eq("_id", cityId))
                .projection(Projections.include("names", "name", "countryCode", "country", "timeZone")).first();
        if (d == null) {
            return Optional.empty();
        }
        Document names = d.get("names", Document.class);
        String name = names != null && names.getString("en") != null ? names.getString("en") : d.getString("name");
        String country = d.getString("countryCode") != null ? d.getString("countryCode") : d.getString("country");
        String zone = d.getString("timeZone");
        if (name == null || country == null || zone == null) {
            return Optional.empty();
        }
        return Optional.of(new KnownCity(cityId, name, country, zone));
    }
}
