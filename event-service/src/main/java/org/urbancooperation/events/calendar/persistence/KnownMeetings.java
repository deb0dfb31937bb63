package org.urbancooperation.events.calendar.persistence;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.events.calendar.application.BusinessMeetings;
import org.urbancooperation.events.calendar.domain.BusinessMeeting;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.mongo.ReadModelWrites;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

/**
 * This service's copy of matching-service's B2B meetings ({@code known_meetings}, one document per meeting id), kept
 * from the {@code matching.meeting} topic by {@code KnownMeetingsHandlers}: each event carries the whole meeting, so
 * the newest aggregate version wins and a redelivered or older event changes nothing.
 */
public class KnownMeetings implements BusinessMeetings {

    public static final String COLLECTION = "known_meetings";

    private final MongoCollection<Document> meetings;

    public KnownMeetings(MongoDatabase database) {
        this.meetings = database.getCollection(COLLECTION);
        // Multikey: a business's feed reads its meetings by either side (ignored by the embedded server).
        meetings.createIndex(Indexes.ascending("businessIds"));
    }

    /** Records the meeting as of {@code aggregateVersion} unless a newer version of it is here already. */
    public HandlingOutcome record(BusinessMeeting meeting, long aggregateVersion) {
        Document fields = new Document("businessIds", meeting.businessIds())
                .append("startsAt", Date.from(meeting.startsAt()))
                .append("endsAt", Date.from(meeting.endsAt()))
                .append("timeZone", meeting.zone() == null ? null : meeting.zone().getId())
                .append("table", meeting.table())
                .append("roomLink", meeting.roomLink())
                .append("interpreter", meeting.interpreter())
                .append("sequence", meeting.sequence())
                .append("title", meeting.title())
                .append("cancelled", meeting.cancelled())
                .append("cancellationReason", meeting.cancellationReason())
                .append("lastModified", Date.from(meeting.lastModified()));
        return ReadModelWrites.upsertIfNewer(meetings, meeting.meetingId().toString(), aggregateVersion, fields);
    }

    @Override
    public List<BusinessMeeting> of(String businessId) {
        return meetings.find(Filters.eq("businessIds", businessId)).map(KnownMeetings::meeting)
                .into(new ArrayList<>());
    }

    private static BusinessMeeting meeting(Document d) {
        String zone = d.getString("timeZone");
        return new BusinessMeeting(UUID.fromString(d.getString("_id")), d.getList("businessIds", String.class),
                d.getDate("startsAt").toInstant(), d.getDate("endsAt").toInstant(),
                zone == null ? null : ZoneId.of(zone), d.getInteger("table"), d.getString("roomLink"),
                d.getString("interpreter"), d.getInteger("sequence"), d.getString("title"),
                d.getBoolean("cancelled", false), d.getString("cancellationReason"),
                d.getDate("lastModified").toInstant());
    }
}
