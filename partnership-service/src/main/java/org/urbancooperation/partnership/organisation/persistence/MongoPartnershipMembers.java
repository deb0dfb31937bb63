package org.urbancooperation.partnership.organisation.persistence;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.urbancooperation.partnership.organisation.application.PartnershipMembers;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Reads the partnership feature's {@code partnerships} collection: its flat {@code partnerOrganisations} array of
 * every member's slug, which the partnership feature keeps whatever richer member structure it adds.
 */
public class MongoPartnershipMembers implements PartnershipMembers {

    static final String PARTNERSHIPS = "partnerships";
    static final String MEMBERS = "partnerOrganisations";

    private final MongoCollection<Document> partnerships;

    public MongoPartnershipMembers(MongoDatabase database) {
        this.partnerships = database.getCollection(PARTNERSHIPS);
    }

    @Override
    public Set<String> partnersOf(String organisationId) {
        Set<String> partners = new HashSet<>();
        // An array field equal to a value matches documents whose array holds it (MongoDB's multikey match).
        for (Document partnership : partnerships.find(Filters.eq(MEMBERS, organisationId))
                .projection(Projections.include(MEMBERS))) {
            partners.addAll(partnership.getList(MEMBERS, String.class, List.of()));
        }
        partners.remove(organisationId);
        return partners;
    }
}
