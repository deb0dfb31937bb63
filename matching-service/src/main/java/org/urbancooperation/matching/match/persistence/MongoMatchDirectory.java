package org.urbancooperation.matching.match.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;
import org.urbancooperation.matching.match.application.MatchDirectory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Reads the profiles', matching events' and known partnerships' collections of this service's database; named here,
 * not imported, so the features stay apart.
 */
public class MongoMatchDirectory implements MatchDirectory {

    static final String PROFILES = "business_profiles";
    static final String MATCHING_EVENTS = "matching_events";
    static final String KNOWN_PARTNERSHIPS = "known_partnerships";

    private final MongoCollection<Document> profiles;
    private final MongoCollection<Document> matchingEvents;
    private final MongoCollection<Document> partnerships;

    public MongoMatchDirectory(MongoDatabase database) {
        this.profiles = database.getCollection(PROFILES);
        this.matchingEvents = database.getCollection(MATCHING_EVENTS);
        this.partnerships = database.getCollection(KNOWN_PARTNERSHIPS);
    }

    @Override
    public boolean hasProfile(String businessId) {
        return profiles.find(Filters.eq("_id", businessId)).projection(new Document("_id", 1)).first() != null;
    }

    @Override
    public boolean matchingEventExists(UUID matchingEventId) {
        return matchingEvent(matchingEventId) != null;
    }

    @Override
    public List<PartnerContact> contactsOf(String businessId) {
        Document profile = profiles.find(Filters.eq("_id", businessId)).projection(new Document("contacts", 1)).first();
        if (profile == null) {
            return List.of();
        }
        return profile.getList("contacts", Document.class, List.of()).stream()
                .map(c -> new PartnerContact(c.getString("name"), c.getString("role"), c.getString("email"),
                        c.getString("phone")))
                .toList();
    }

    @Override
    public List<UUID> partnershipsOf(UUID matchingEventId, String businessId, String otherBusinessId) {
        if (matchingEventId != null) {
            Document event = matchingEvent(matchingEventId);
            return event == null ? List.of() : List.of(UUID.fromString(event.getString("partnershipId")));
        }
        String city = cityOf(businessId);
        String otherCity = cityOf(otherBusinessId);
        if (city == null || otherCity == null || city.equalsIgnoreCase(otherCity)) {
            // Two businesses of one city are no cooperation between the partnership's cities.
            return List.of();
        }
        // A profile's city is free text: "koriyama" is the partnership's "Koriyama".
        return partnerships.find(Filters.and(Filters.regex("cityNames", sameName(city)),
                        Filters.regex("cityNames", sameName(otherCity))))
                .projection(new Document("_id", 1))
                .map(d -> UUID.fromString(d.getString("_id")))
                .into(new ArrayList<>());
    }

    private static Pattern sameName(String city) {
        return Pattern.compile("^" + Pattern.quote(city.strip()) + "$",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private Document matchingEvent(UUID id) {
        return matchingEvents.find(Filters.eq("_id", id.toString())).projection(new Document("partnershipId", 1))
                .first();
    }

    private String cityOf(String businessId) {
        Document profile = profiles.find(Filters.eq("_id", businessId)).projection(new Document("city", 1)).first();
        return profile == null ? null : profile.getString("city");
    }
}
