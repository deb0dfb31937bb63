package org.urbancooperation.partnership.partnership.persistence;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.urbancooperation.partnership.partnership.application.ProgrammeCatalogue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/** Reads the programme feature's {@code programmes} collection by {@code _id}: the ids of its networks. */
public class MongoProgrammeCatalogue implements ProgrammeCatalogue {

    public static final String COLLECTION = "programmes";

    private final MongoCollection<Document> programmes;

    public MongoProgrammeCatalogue(MongoDatabase database) {
        this.programmes = database.getCollection(COLLECTION);
    }

    @Override
    public Optional<Set<String>> networksOf(String programmeId) {
        Document d = programmes.find(Filters.eq("_id", programmeId)).projection(Projections.include("networks.id"))
                .first();
        if (d == null) {
            return Optional.empty();
        }
        Set<String> ids = new LinkedHashSet<>();
        d.getList("networks", Document.class, List.of()).forEach(n -> ids.add(n.getString("id")));
        return Optional.of(ids);
    }
}
