package org.urbancooperation.support.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.contracts.events.CooperationEventScheduled;
import org.urbancooperation.contracts.partnership.AgreementSigned;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.SampleEvents;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** From an HTTP command through the outbox and Kafka into consumers, with redelivery and poison records. */
class IntegrationEventFlowTest extends SupportServiceTestBase {

    @Autowired
    MongoDatabase database;
    @Autowired
    IntegrationEventMapper mapper;
    @Autowired
    MeterRegistry meters;

    @Test
    void aCommandEndsAsOneRecordWithKeyHeadersAndEnvelopeAndReachesTheConsumer() throws Exception {
        var created = postJson("/api/v1/test-partnerships", essenKoriyama("Essen - Koriyama flow"),
                "X-Correlation-Id", "flow-test-1");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JsonMapper.builder().build().readTree(created.body()).path("id").asString();

        List<ConsumerRecord<String, byte[]>> records = recordsWithKey(Topics.PARTNERSHIPS, id, 1);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(KafkaTestClients.header(record, KafkaHeaders.TYPE)).isEqualTo("partnership.PartnershipEstablished");
        assertThat(KafkaTestClients.header(record, KafkaHeaders.CORRELATION_ID)).isEqualTo("flow-test-1");
        assertThat(KafkaTestClients.header(record, KafkaHeaders.SOURCE)).isEqualTo("support-test-service");
        EventEnvelope envelope = mapper.fromBytes(record.value());
        assertThat(envelope.aggregateId()).isEqualTo(id);
        assertThat(envelope.payload().path("name").asString()).isEqualTo("Essen - Koriyama flow");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(database.getCollection("known_partnerships").find(Filters.eq("_id", id)).first())
                        .isNotNull());
        assertThat(TestReadModelHandlers.SEEN_CORRELATION_IDS.get(id)).as("consumer's log context").isEqualTo("flow-test-1");
    }

    @Test
    void theSameRecordDeliveredTwiceHasOneEffect() {
        UUID partnership = UUID.randomUUID();
        AgreementSigned event = SampleEvents.continuedCooperation(partnership);
        EventEnvelope envelope = mapper.envelope(event, 2, "partnership-service", "dup-test", Clock.systemUTC());
        byte[] bytes = mapper.toBytes(envelope);
        var raw = KafkaTestClients.rawTemplate(brokers);
        double duplicatesBefore = counter("ucp.events.consumed", "partnership.AgreementSigned", "duplicate");

        raw.send(Topics.PARTNERSHIPS, partnership.toString(), bytes);
        raw.send(Topics.PARTNERSHIPS, partnership.toString(), bytes);
        raw.flush();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(counter("ucp.events.consumed", "partnership.AgreementSigned", "duplicate"))
                        .isEqualTo(duplicatesBefore + 1));
        Document counts = database.getCollection("agreement_counts").find(Filters.eq("_id", partnership.toString())).first();
        assertThat(counts.getInteger("agreements")).isEqualTo(1);
    }

    @Test
    void eachAppliedEventRecordsHowLongAfterItsOccurrenceItWasApplied() {
        UUID partnership = UUID.randomUUID();
        // Occurred 7 s ago in its producer (as after a broker outage): applied now, so at least 7 s old.
        Clock sevenSecondsAgo = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-7));
        byte[] bytes = mapper.toBytes(mapper.envelope(SampleEvents.continuedCooperation(partnership), 1,
                "partnership-service", "age-test", sevenSecondsAgo));
        io.micrometer.core.instrument.Timer before = meters.find("ucp.events.applied.age")
                .tags("type", "partnership.AgreementSigned").timer();
        long countBefore = before == null ? 0 : before.count();
        var raw = KafkaTestClients.rawTemplate(brokers);

        raw.send(Topics.PARTNERSHIPS, partnership.toString(), bytes);
        raw.send(Topics.PARTNERSHIPS, partnership.toString(), bytes); // a duplicate: not applied, not timed
        raw.flush();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(counter("ucp.events.consumed", "partnership.AgreementSigned", "duplicate")).isPositive());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            io.micrometer.core.instrument.Timer age = meters.find("ucp.events.applied.age")
                    .tags("type", "partnership.AgreementSigned").timer();
            assertThat(age).isNotNull();
            assertThat(age.count()).isEqualTo(countBefore + 1);
            assertThat(age.max(java.util.concurrent.TimeUnit.MILLISECONDS)).isBetween(7_000.0, 60_000.0);
        });
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheConsumerGoesOn() {
        UUID partnership = UUID.randomUUID();
        var raw = KafkaTestClients.rawTemplate(brokers);
        // Not JSON at all: fails in the deserializer.
        raw.send(Topics.PARTNERSHIPS, partnership.toString(), "<xml>not an event</xml>".getBytes(StandardCharsets.UTF_8));
        // A well-formed envelope whose payload breaks the contract: fails schema validation.
        ObjectNode broken = (ObjectNode) mapper.toTree(mapper.envelope(SampleEvents.continuedCooperation(partnership),
                1, "partnership-service", null, Clock.systemUTC()));
        ((ObjectNode) broken.get("payload")).remove("signedOn");
        raw.send(Topics.PARTNERSHIPS, partnership.toString(), broken.toString().getBytes(StandardCharsets.UTF_8));
        // Then a good one behind them on the same partition.
        raw.send(Topics.PARTNERSHIPS, partnership.toString(), mapper.toBytes(mapper.envelope(
                SampleEvents.continuedCooperation(partnership), 2, "partnership-service", null, Clock.systemUTC())));
        raw.flush();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                database.getCollection("agreement_counts").find(Filters.eq("_id", partnership.toString())).first())
                .isNotNull());
        List<ConsumerRecord<String, byte[]>> dead = recordsWithKey(Topics.deadLetterTopicOf(Topics.PARTNERSHIPS),
                partnership.toString(), 2);
        assertThat(dead).hasSize(2);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("<xml>not an event</xml>");
        assertThat(KafkaTestClients.header(dead.get(1), "kafka_dlt-exception-message")).contains("signedOn");
        assertThat(meters.counter("ucp.events.dead.lettered", "topic", Topics.PARTNERSHIPS).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFailingHandlerIsRetriedWithBackoffThenSucceedsOnce() {
        UUID eventId = UUID.randomUUID();
        send(scheduled(eventId, "flaky seminar"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Document scheduled = database.getCollection("scheduled").find(Filters.eq("_id", eventId.toString())).first();
            assertThat(scheduled).isNotNull();
            assertThat(scheduled.getInteger("times")).isEqualTo(1);
        });
        assertThat(TestReadModelHandlers.FLAKY_ATTEMPTS.get(eventId.toString()).get()).isEqualTo(3);
    }

    @Test
    void aHandlerThatKeepsFailingIsDeadLetteredAfterItsRetries() {
        UUID eventId = UUID.randomUUID();
        send(scheduled(eventId, "broken seminar"));

        List<ConsumerRecord<String, byte[]>> dead = recordsWithKey(Topics.deadLetterTopicOf(Topics.COOPERATION_EVENTS),
                eventId.toString(), 1);
        assertThat(dead).hasSize(1);
        assertThat(TestReadModelHandlers.FLAKY_ATTEMPTS.get(eventId.toString()).get()).as("first try + 3 retries")
                .isEqualTo(4);
        assertThat(mapper.fromBytes(dead.get(0).value()).payload().path("title").asString()).isEqualTo("broken seminar");
    }

    private CooperationEventScheduled scheduled(UUID eventId, String title) {
        return new CooperationEventScheduled(eventId, UUID.randomUUID(), title, "JOINT_SEMINAR",
                Instant.parse("2020-02-10T09:00:00Z"), Instant.parse("2020-02-10T12:00:00Z"),
                List.of("Europe/Berlin", "Asia/Tokyo"), List.of("en", "ja"));
    }

    private void send(CooperationEventScheduled event) {
        var raw = KafkaTestClients.rawTemplate(brokers);
        raw.send(new ProducerRecord<>(Topics.COOPERATION_EVENTS, event.aggregateId(),
                mapper.toBytes(mapper.envelope(event, 1, "event-service", null, Clock.systemUTC()))));
        raw.flush();
    }

    private double counter(String name, String type, String outcome) {
        var counter = meters.find(name).tags("type", type, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<ConsumerRecord<String, byte[]>> recordsWithKey(String topic, String key, int expected) {
        return KafkaTestClients.readWithKey(brokers, topic, key, expected);
    }
}
