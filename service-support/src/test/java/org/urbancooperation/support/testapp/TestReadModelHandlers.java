package org.urbancooperation.support.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.contracts.events.CooperationEventScheduled;
import org.urbancooperation.contracts.partnership.AgreementSigned;
import org.urbancooperation.contracts.partnership.PartnershipEstablished;
import org.urbancooperation.support.messaging.IntegrationEventHandler;
import org.urbancooperation.support.mongo.ReadModelWrites;
import org.urbancooperation.support.observability.CorrelationId;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

/** Consumers of the test service: a replicated read model, a counter, and one that fails at first. */
@Configuration
class TestReadModelHandlers {

    /** Correlation ids the consumers saw in their logging context, by aggregate id. */
    static final Map<String, String> SEEN_CORRELATION_IDS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> FLAKY_ATTEMPTS = new ConcurrentHashMap<>();

    @Bean
    IntegrationEventHandler<PartnershipEstablished> knownPartnerships(MongoDatabase database) {
        MongoCollection<Document> known = database.getCollection("known_partnerships");
        return IntegrationEventHandler.of(PartnershipEstablished.class, (event, envelope) -> {
            SEEN_CORRELATION_IDS.put(event.aggregateId(), String.valueOf(CorrelationId.current()));
            return ReadModelWrites.upsertIfNewer(known, event.partnershipId().toString(), envelope.aggregateVersion(),
                    new Document("name", event.name()));
        });
    }

    @Bean
    IntegrationEventHandler<AgreementSigned> agreementCounter(MongoDatabase database) {
        MongoCollection<Document> counts = database.getCollection("agreement_counts");
        return IntegrationEventHandler.of(AgreementSigned.class, (event, envelope) -> ReadModelWrites.applyOnce(counts,
                event.partnershipId().toString(), envelope.eventId(), Updates.inc("agreements", 1)));
    }

    @Bean
    IntegrationEventHandler<CooperationEventScheduled> flakyScheduler(MongoDatabase database) {
        MongoCollection<Document> scheduled = database.getCollection("scheduled");
        return IntegrationEventHandler.of(CooperationEventScheduled.class, (event, envelope) -> {
            int attempt = FLAKY_ATTEMPTS.computeIfAbsent(event.aggregateId(), k -> new AtomicInteger()).incrementAndGet();
            if (event.title().startsWith("flaky") && attempt <= 2) {
                throw new IllegalStateException("database briefly unavailable (attempt " + attempt + ")");
            }
            if (event.title().startsWith("broken")) {
                throw new IllegalStateException("never works");
            }
            return ReadModelWrites.applyOnce(scheduled, event.aggregateId(), envelope.eventId(),
                    Updates.inc("times", 1));
        });
    }
}
