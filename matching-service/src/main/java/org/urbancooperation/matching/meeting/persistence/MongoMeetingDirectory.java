package org.urbancooperation.matching.meeting.persistence;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.matching.matchingevent.application.PartnershipDirectory;
import org.urbancooperation.matching.matchingevent.persistence.KnownPartnerships;
import org.urbancooperation.matching.matchingevent.persistence.MongoMatchingEventRepository;
import org.urbancooperation.matching.meeting.application.MeetingDirectory;
import org.urbancooperation.matching.profile.persistence.MongoBusinessProfileRepository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/** Organisers from this service's copy of the partnerships, zones from the business profiles and matching events. */
public class MongoMeetingDirectory implements MeetingDirectory {

    private final PartnershipDirectory partnerships;
    private final MongoCollection<Document> knownPartnerships;
    private final MongoCollection<Document> profiles;
    private final MongoCollection<Document> matchingEvents;

    public MongoMeetingDirectory(PartnershipDirectory partnerships, MongoDatabase database) {
        this.partnerships = partnerships;
        this.knownPartnerships = database.getCollection(KnownPartnerships.COLLECTION);
        this.profiles = database.getCollection(MongoBusinessProfileRepository.COLLECTION);
        this.matchingEvents = database.getCollection(MongoMatchingEventRepository.COLLECTION);
    }

    @Override
    public Optional<ZoneId> zoneOfMatchingEvent(UUID matchingEventId) {
        Document event = matchingEvents.find(Filters.eq("_id", matchingEventId.toString()))
                .projection(new Document("timeZone", 1)).first();
        return Optional.ofNullable(event).map(e -> e.getString("timeZone")).map(ZoneId::of);
    }

    @Override
    public List<String> organisersOf(UUID partnershipId) {
        return partnerships.partnerOrganisationsOf(partnershipId).orElse(List.of());
    }

    @Override
    public List<UUID> partnershipsOrganisedBy(String organisationId) {
        List<UUID> ids = new ArrayList<>();
        knownPartnerships.find(Filters.eq("partnerOrganisations", organisationId))
                .projection(new Document("_id", 1)).forEach(d -> ids.add(UUID.fromString(d.getString("_id"))));
        return ids;
    }

    @Override
    public Optional<ZoneId> zoneOf(String businessId) {
        Document profile = profiles.find(Filters.eq("_id", businessId)).projection(new Document("timeZone", 1))
                .first();
        return Optional.ofNullable(profile).map(p -> p.getString("timeZone")).map(ZoneId::of);
    }
}
