package org.urbancooperation.partnership.access.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaOperations;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.partnership.access.application.ApiKeyService;
import org.urbancooperation.partnership.access.application.ApiKeyService.IssueCommand;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.outbox.OutboxEntries;
import org.urbancooperation.support.outbox.OutboxProperties;
import org.urbancooperation.support.outbox.OutboxRelay;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.testing.InMemoryMongo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A rotation writes the new key, then the revocation of the old one; the relay sends ApiKeyIssued of the new key
 * before ApiKeyRevoked of the old, by the outbox entries' sequence, not by the clock: here the clock stands still,
 * so both writes are in the same millisecond, and the store finds the two documents in whatever order it likes.
 */
class RotationEventOrderTest {

    private static final Caller OPERATOR = Caller.of(CallerIdentity.operator("secretariat", "jwt"));
    private static final IssueCommand ESSEN_KEY = new IssueCommand("partner", "city-of-essen", null,
            "City of Essen integration", null);

    private final Clock frozen = Clock.fixed(Instant.parse("2026-03-02T09:15:00Z"), ZoneOffset.UTC);
    private final List<String> sent = new ArrayList<>();
    private final OutboxRelay relay = new OutboxRelay(recordingKafka(), new OutboxProperties(Duration.ofSeconds(5),
            Duration.ofSeconds(60), 200, Duration.ofSeconds(1), false), frozen, new SimpleMeterRegistry());
    private final ApiKeyService keys = new ApiKeyService(new MongoApiKeyRepository(new AggregateStores(
            InMemoryMongo.freshDatabase(), new OutboxEntries(new IntegrationEventMapper(), "partnership-service", frozen),
            relay)), frozen, new SecureRandom());

    @Test
    void signalledAtOnceTheNewKeyIsIssuedBeforeTheOldIsRevoked() {
        for (int rotation = 0; rotation < 20; rotation++) {
            String old = keys.issue(OPERATOR, ESSEN_KEY).key().keyId();
            relay.publishWritten();
            sent.clear();

            String next = keys.rotate(OPERATOR, old).key().keyId();
            assertThat(relay.publishWritten()).isEqualTo(2);

            assertThat(sent).as("rotation %d", rotation)
                    .containsExactly("access.ApiKeyIssued " + next, "access.ApiKeyRevoked " + old);
        }
    }

    @Test
    void leftToTheSafetyNetTheNewKeyIsIssuedBeforeTheOldIsRevoked() {
        for (int rotation = 0; rotation < 20; rotation++) {
            String old = keys.issue(OPERATOR, ESSEN_KEY).key().keyId();
            relay.publishPending();
            sent.clear();

            String next = keys.rotate(OPERATOR, old).key().keyId();
            assertThat(relay.publishPending()).isEqualTo(2);

            assertThat(sent).as("rotation %d", rotation)
                    .containsExactly("access.ApiKeyIssued " + next, "access.ApiKeyRevoked " + old);
        }
    }

    @SuppressWarnings("unchecked")
    private KafkaOperations<String, Object> recordingKafka() {
        KafkaOperations<String, Object> kafka = mock(KafkaOperations.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            ProducerRecord<String, Object> record = call.getArgument(0);
            String type = new String(record.headers().lastHeader(KafkaHeaders.TYPE).value(), StandardCharsets.UTF_8);
            sent.add(type + " " + record.key());
            return CompletableFuture.completedFuture(null);
        });
        return kafka;
    }
}
