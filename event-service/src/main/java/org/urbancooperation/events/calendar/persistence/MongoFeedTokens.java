package org.urbancooperation.events.calendar.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.urbancooperation.events.calendar.application.FeedTokens;
import org.urbancooperation.support.mongo.MongoErrors;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

/**
 * {@code calendar_feeds}: one document per participant ({@code _id}), so that two concurrent requests cannot give
 * one participant two feeds; found by the unique {@code tokenHash}. {@code businessId} (absent in feeds issued before
 * it was recorded, and for callers of no business) says whose B2B meetings the feed lists.
 */
public class MongoFeedTokens implements FeedTokens {

    private final MongoCollection<Document> collection;

    public MongoFeedTokens(MongoDatabase database) {
        this.collection = database.getCollection("calendar_feeds");
        collection.createIndex(Indexes.ascending("tokenHash"), new IndexOptions().unique(true));
    }

    @Override
    public boolean insertIfAbsent(String participant, String businessId, String tokenHash, Instant issuedAt) {
        try {
            collection.insertOne(new Document("_id", participant).append("businessId", businessId)
                    .append("tokenHash", tokenHash)
                    .append("issuedAt", Date.from(issuedAt)));
            return true;
        } catch (MongoWriteException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void recordBusiness(String participant, String businessId) {
        collection.updateOne(Filters.eq("_id", participant), Updates.set("businessId", businessId));
    }

    @Override
    public Optional<Feed> ofParticipant(String participant) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", participant)).first()).map(MongoFeedTokens::feed);
    }

    @Override
    public Optional<Feed> byTokenHash(String tokenHash) {
        return Optional.ofNullable(collection.find(Filters.eq("tokenHash", tokenHash)).first())
                .map(MongoFeedTokens::feed);
    }

    @Override
    public boolean delete(String participant) {
        return collection.deleteOne(Filters.eq("_id", participant)).getDeletedCount() == 1;
    }

    private static Feed feed(Document d) {
        return new Feed(d.getString("_id"), d.getString("businessId"), d.getDate("issuedAt").toInstant());
    }
}
