package org.urbancooperation.partnership.access.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.urbancooperation.partnership.access.application.ApiKeyRepository;
import org.urbancooperation.partnership.access.domain.ApiKey;
import org.urbancooperation.partnership.access.domain.ApiKeyEvent;
import org.urbancooperation.partnership.access.domain.ApiKeyRole;
import org.urbancooperation.partnership.access.domain.ApiKeyStatus;
import org.urbancooperation.partnership.access.messaging.ApiKeyIntegrationEvents;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.mongo.AggregateDocumentMapper;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;

/** API keys in the {@code api_keys} collection, one document each (key id as {@code _id}) with its outbox. */
public class MongoApiKeyRepository implements ApiKeyRepository {

    private final AggregateStore<ApiKey> store;

    public MongoApiKeyRepository(AggregateStores stores) {
        this.store = stores.create("api_keys", "API key", new Mapper());
        // For an organisation's pages (keyset on _id); mongo-java-server ignores non-unique indexes, MongoDB uses it.
        store.collection().createIndexes(List.of(new IndexModel(Indexes.ascending("organisationId", "_id"))));
    }

    @Override
    public Optional<Versioned<ApiKey>> find(String keyId) {
        return store.find(keyId);
    }

    @Override
    public Versioned<ApiKey> insert(ResultWithEvents<ApiKey, ApiKeyEvent> issued) {
        return store.insert(issued.aggregate(), ApiKeyIntegrationEvents.of(issued.events()));
    }

    @Override
    public Versioned<ApiKey> update(ResultWithEvents<ApiKey, ApiKeyEvent> changed, long readVersion) {
        return store.update(changed.aggregate(), readVersion, ExpectedVersion.any(),
                ApiKeyIntegrationEvents.of(changed.events()));
    }

    @Override
    public Page<Versioned<ApiKey>> list(String organisationId, PageRequest page) {
        Bson filter = organisationId == null ? new Document() : Filters.eq("organisationId", organisationId);
        return store.page(filter, page);
    }

    static final class Mapper implements AggregateDocumentMapper<ApiKey> {

        @Override
        public String id(ApiKey k) {
            return k.id();
        }

        @Override
        public Document toDocument(ApiKey k) {
            return new Document("role", k.role().wireName())
                    .append("organisationId", k.organisationId())
                    .append("businessId", k.businessId())
                    .append("label", k.label())
                    .append("issuedAt", date(k.issuedAt()))
                    .append("expiresAt", date(k.expiresAt()))
                    .append("status", k.status().name())
                    .append("revokedAt", date(k.revokedAt()))
                    .append("secretHash", k.secretHash());
        }

        @Override
        public ApiKey fromDocument(Document d) {
            return new ApiKey(d.getString("_id"), ApiKeyRole.fromWireName("role", d.getString("role")),
                    d.getString("organisationId"), d.getString("businessId"), d.getString("label"),
                    instant(d.getDate("issuedAt")), instant(d.getDate("expiresAt")),
                    ApiKeyStatus.valueOf(d.getString("status")), instant(d.getDate("revokedAt")),
                    d.getString("secretHash"));
        }

        private static Date date(Instant instant) {
            return instant == null ? null : Date.from(instant);
        }

        private static Instant instant(Date date) {
            return date == null ? null : date.toInstant();
        }
    }
}
