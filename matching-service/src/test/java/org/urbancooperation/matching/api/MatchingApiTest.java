package org.urbancooperation.matching.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.contracts.events.CooperationEventPublished;
import org.urbancooperation.contracts.partnership.PartnershipEstablished;
import org.urbancooperation.matching.matchingevent.persistence.KnownPartnerships;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.PaginationCheck;
import org.urbancooperation.support.testing.SampleEvents;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/** matching-service over HTTP, with the Mongo server and an embedded KRaft broker. */
class MatchingApiTest extends ServiceApiTest {

    static final String ONLINE_MATCHING = """
            {"partnershipId": "%s",
             "title": "Essen - Koriyama online business matching: products against COVID-19",
             "startsAt": "%s", "endsAt": "%s", "slotMinutes": %d}""";

    @Autowired
    MeterRegistry meters;
    @Autowired
    MongoDatabase database;
    /** Spied to count how often the consumer looked at a record: a poison record must be looked at once. */
    @MockitoSpyBean
    IntegrationEventSchemas schemas;

    @Test
    void partnersOpenMatchingEventsOfTheirOwnPartnershipsAndOnlyCallersWithAnIdentityReadThem() {
        UUID partnershipId = UUID.randomUUID();
        establish(SampleEvents.essenKoriyama(partnershipId));
        String body = ONLINE_MATCHING.formatted(partnershipId, "2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 30);
        assertThat(openOnceKnown(body).statusCode()).isEqualTo(201);

        HttpResponse<String> byKoriyama = new ServiceHttp(port).as(TestIdentities.KORIYAMA)
                .postJson("/api/v1/matching/events", body);
        assertThat(byKoriyama.statusCode()).as(byKoriyama.body()).isEqualTo(201);
        assertThat(new ServiceHttp(port).as(TestIdentities.DUESSELDORF).postJson("/api/v1/matching/events", body)
                .statusCode()).isEqualTo(403);
        assertThat(new ServiceHttp(port).as(TestIdentities.ROBOTS).postJson("/api/v1/matching/events", body)
                .statusCode()).isEqualTo(403);
        assertThat(new ServiceHttp(port).postJson("/api/v1/matching/events", body).statusCode()).isEqualTo(401);

        String location = byKoriyama.headers().firstValue("Location").orElseThrow();
        assertThat(new ServiceHttp(port).as(TestIdentities.HYDROGEN).get(location).statusCode()).isEqualTo(200);
        assertThat(new ServiceHttp(port).get(location).statusCode()).isEqualTo(401);
    }

    @Test
    void openingAMatchingEventForAKnownPartnershipPublishesMatchingEventOpened() {
        UUID partnershipId = UUID.randomUUID();
        establish(SampleEvents.essenKoriyama(partnershipId));

        HttpResponse<String> created = openOnceKnown(
                ONLINE_MATCHING.formatted(partnershipId, "2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 30),
                "X-Correlation-Id", "matching-req-1");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = ServiceHttp.json(created);
        String id = body.path("id").asString();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/matching/events/" + id);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(body.path("status").asString()).isEqualTo("OPEN");
        assertThat(body.path("slots").size()).isEqualTo(6);

        HttpResponse<String> read = http().get("/api/v1/matching/events/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode stored = ServiceHttp.json(read);
        assertThat(stored.path("partnershipId").asString()).isEqualTo(partnershipId.toString());
        assertThat(stored.path("startsAt").asString()).isEqualTo("2020-11-18T08:00:00Z");
        assertThat(stored.path("slotCount").asInt()).isEqualTo(6);
        JsonNode lastSlot = stored.path("slots").get(5);
        assertThat(lastSlot.path("number").asInt()).isEqualTo(6);
        assertThat(lastSlot.path("startsAt").asString()).isEqualTo("2020-11-18T10:30:00Z");
        assertThat(lastSlot.path("endsAt").asString()).isEqualTo("2020-11-18T11:00:00Z");

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.MATCHING_EVENTS, id, 1);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(KafkaTestClients.header(record, KafkaHeaders.TYPE)).isEqualTo("matching.MatchingEventOpened");
        assertThat(KafkaTestClients.header(record, KafkaHeaders.SOURCE)).isEqualTo("matching-service");
        assertThat(KafkaTestClients.header(record, KafkaHeaders.CORRELATION_ID)).isEqualTo("matching-req-1");
        EventEnvelope envelope = mapper.fromBytes(record.value());
        assertThat(new IntegrationEventSchemas(mapper).violations(envelope)).isEmpty();
        assertThat(envelope.aggregateType()).isEqualTo("MatchingEvent");
        assertThat(envelope.aggregateVersion()).isEqualTo(1);
        JsonNode payload = envelope.payload();
        assertThat(payload.path("matchingEventId").asString()).isEqualTo(id);
        assertThat(payload.path("partnershipId").asString()).isEqualTo(partnershipId.toString());
        assertThat(payload.path("title").asString())
                .isEqualTo("Essen - Koriyama online business matching: products against COVID-19");
        assertThat(payload.path("startsAt").asString()).isEqualTo("2020-11-18T08:00:00Z");
        assertThat(payload.path("endsAt").asString()).isEqualTo("2020-11-18T11:00:00Z");
        assertThat(payload.path("slotMinutes").asInt()).isEqualTo(30);
    }

    @Test
    void listsAPartnershipsMatchingEventsPageByPageWithoutTheirSlots() {
        UUID partnershipId = UUID.randomUUID();
        establish(SampleEvents.essenKoriyama(partnershipId));
        assertThat(openOnceKnown(ONLINE_MATCHING.formatted(partnershipId, "2020-11-19T08:00:00Z",
                "2020-11-19T10:00:00Z", 20)).statusCode()).isEqualTo(201);
        assertThat(http().postJson("/api/v1/matching/events", ONLINE_MATCHING.formatted(partnershipId,
                "2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 30)).statusCode()).isEqualTo(201);

        JsonNode listed = ServiceHttp.json(http().get("/api/v1/matching/events?partnershipId=" + partnershipId));
        assertThat(listed.path("items").size()).isEqualTo(2);
        assertThat(listed.path("next").isNull()).isTrue();
        assertThat(listed.path("items").valueStream().map(e -> e.path("startsAt").asString()))
                .containsExactlyInAnyOrder("2020-11-18T08:00:00Z", "2020-11-19T08:00:00Z");
        assertThat(listed.path("items").valueStream().map(e -> e.path("slotCount").asInt())).containsOnly(6);
        assertThat(listed.path("items").get(0).has("slots")).isFalse();
        JsonNode first = ServiceHttp.json(http().get("/api/v1/matching/events?partnershipId=" + partnershipId
                + "&limit=1"));
        JsonNode second = ServiceHttp.json(http().get("/api/v1/matching/events?partnershipId=" + partnershipId
                + "&limit=1&cursor=" + first.path("next").asString()));
        assertThat(second.path("items").get(0).path("id")).isNotEqualTo(first.path("items").get(0).path("id"));
        assertThat(second.path("next").isNull()).isTrue();
        assertThat(ServiceHttp.json(http().get("/api/v1/matching/events?partnershipId=" + UUID.randomUUID()))
                .path("items").size()).isZero();
    }

    @Test
    void aWalkThroughTheListSeesEveryMatchingEventOnceWhileOthersAreOpenedAndChanged() {
        UUID partnershipId = UUID.randomUUID();
        establish(SampleEvents.essenKoriyama(partnershipId));
        String opening = ONLINE_MATCHING.formatted(partnershipId, "2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 30);
        assertThat(openOnceKnown(opening).statusCode()).isEqualTo(201);
        MongoCollection<Document> stored = database.getCollection("matching_events");
        PaginationCheck.of(as(TestIdentities.HYDROGEN), "/api/v1/matching/events?partnershipId=" + partnershipId)
                .creating(() -> {
                    HttpResponse<String> created = http().postJson("/api/v1/matching/events", opening);
                    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                    return ServiceHttp.json(created).path("id").asString();
                })
                // No API changes a matching event yet: a change as the store writes one (new state, next version).
                .changing(id -> assertThat(stored.updateOne(Filters.eq("_id", id), Updates.combine(
                        Updates.set("title", "Online business matching: hydrogen"), Updates.inc("version", 1L)))
                        .getModifiedCount()).isEqualTo(1))
                .verify();
    }

    @Test
    void aMatchingEventHeldAtACooperationEventThatEventServicePublishedNamesIt() {
        UUID partnershipId = UUID.randomUUID();
        establish(SampleEvents.essenKoriyama(partnershipId));
        UUID fair = UUID.randomUUID();
        var raw = KafkaTestClients.rawTemplate(brokers);
        CooperationEventPublished published = new CooperationEventPublished(fair, "TRADE_FAIR", "IN_PERSON",
                "REIF Fukushima 2020", List.of(), List.of(partnershipId), null, List.of("Koriyama"), "Asia/Tokyo",
                List.of("Asia/Tokyo", "Europe/Berlin"), Instant.parse("2020-10-28T00:00:00Z"),
                Instant.parse("2020-10-29T09:00:00Z"), "TIME", List.of("ja"), null);
        raw.send(Topics.COOPERATION_EVENTS, fair.toString(), mapper.toBytes(mapper.envelope(published, 2,
                "event-service", null, Clock.systemUTC())));
        raw.flush();
        String held = ONLINE_MATCHING.formatted(partnershipId, "2020-10-28T01:00:00Z", "2020-10-28T04:00:00Z", 30)
                .replace("\"slotMinutes\"", "\"cooperationEventId\": \"" + fair + "\", \"slotMinutes\"");

        HttpResponse<String> created = await().atMost(Duration.ofSeconds(20))
                .until(() -> http().postJson("/api/v1/matching/events", held), r -> r.statusCode() != 422);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = ServiceHttp.json(created).path("id").asString();
        assertThat(ServiceHttp.json(http().get("/api/v1/matching/events/" + id)).path("cooperationEventId")
                .asString()).isEqualTo(fair.toString());
        EventEnvelope opened = mapper.fromBytes(
                KafkaTestClients.readWithKey(brokers, Topics.MATCHING_EVENTS, id, 1).get(0).value());
        assertThat(new IntegrationEventSchemas(mapper).violations(opened)).isEmpty();
        assertThat(opened.payload().path("cooperationEventId").asString()).isEqualTo(fair.toString());

        HttpResponse<String> unknown = http().postJson("/api/v1/matching/events",
                held.replace(fair.toString(), UUID.randomUUID().toString()));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
        assertThat(fields(unknown)).contains("cooperationEventId");
    }

    @Test
    void anUnknownPartnershipIsRefusedWith422NamingPartnershipId() {
        HttpResponse<String> refused = http().postJson("/api/v1/matching/events",
                ONLINE_MATCHING.formatted(UUID.randomUUID(), "2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 30));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(fields(refused)).containsExactly("partnershipId");
    }

    @Test
    void theSamePartnershipEstablishedDeliveredTwiceHasOneEffect() {
        UUID partnershipId = UUID.randomUUID();
        byte[] bytes = mapper.toBytes(mapper.envelope(SampleEvents.essenKoriyama(partnershipId), 1,
                "partnership-service", null, Clock.systemUTC()));
        double appliedBefore = consumed("applied");
        double staleBefore = consumed("stale");
        var raw = KafkaTestClients.rawTemplate(brokers);

        raw.send(Topics.PARTNERSHIPS, partnershipId.toString(), bytes);
        raw.send(Topics.PARTNERSHIPS, partnershipId.toString(), bytes);
        raw.flush();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(consumed("stale")).isEqualTo(staleBefore + 1);
            assertThat(consumed("applied")).isEqualTo(appliedBefore + 1);
        });
        assertThat(database.getCollection(KnownPartnerships.COLLECTION)
                .countDocuments(Filters.eq("_id", partnershipId.toString()))).isEqualTo(1);
        assertThat(http().postJson("/api/v1/matching/events",
                ONLINE_MATCHING.formatted(partnershipId, "2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 30))
                .statusCode()).isEqualTo(201);
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithoutRetriesAndTheConsumerGoesOn() {
        UUID partnershipId = UUID.randomUUID();
        // A valid envelope whose payload breaks the schema: a partnership needs two cities.
        PartnershipEstablished alone = new PartnershipEstablished(partnershipId, "Essen alone",
                List.of(new PartnershipEstablished.City("Essen", "DE", "Europe/Berlin")), List.of(),
                LocalDate.of(2019, 8, 27));
        EventEnvelope poison = mapper.envelope(alone, 1, "partnership-service", null, Clock.systemUTC());
        double deadLetteredBefore = meters.counter("ucp.events.dead.lettered", "topic", Topics.PARTNERSHIPS).count();
        var raw = KafkaTestClients.rawTemplate(brokers);
        raw.send(Topics.PARTNERSHIPS, partnershipId.toString(), mapper.toBytes(poison));
        // Then a good one behind it on the same partition.
        raw.send(Topics.PARTNERSHIPS, partnershipId.toString(), mapper.toBytes(mapper.envelope(
                SampleEvents.essenKoriyama(partnershipId), 1, "partnership-service", null, Clock.systemUTC())));
        raw.flush();

        HttpResponse<String> created = openOnceKnown(
                ONLINE_MATCHING.formatted(partnershipId, "2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 30));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        List<ConsumerRecord<String, byte[]>> dead = KafkaTestClients.readWithKey(brokers,
                Topics.deadLetterTopicOf(Topics.PARTNERSHIPS), partnershipId.toString(), 1);
        assertThat(dead).hasSize(1);
        assertThat(mapper.fromBytes(dead.get(0).value()).eventId()).isEqualTo(poison.eventId());
        assertThat(KafkaTestClients.header(dead.get(0), "kafka_dlt-exception-message")).contains("cities");
        assertThat(meters.counter("ucp.events.dead.lettered", "topic", Topics.PARTNERSHIPS).count())
                .isEqualTo(deadLetteredBefore + 1);
        verify(schemas, times(1)).requireValid(argThat(e -> e.eventId().equals(poison.eventId())));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        UUID partnershipId = UUID.randomUUID();
        establish(SampleEvents.essenKoriyama(partnershipId));
        await().atMost(Duration.ofSeconds(20)).until(() -> database.getCollection(KnownPartnerships.COLLECTION)
                .countDocuments(Filters.eq("_id", partnershipId.toString())) == 1);
        String valid = ONLINE_MATCHING.formatted(partnershipId, "2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 30);

        assertBadField(ONLINE_MATCHING.formatted(partnershipId, "2020-11-18T11:00:00Z", "2020-11-18T08:00:00Z", 30),
                "endsAt");
        assertBadField(ONLINE_MATCHING.formatted(partnershipId, "2020-11-18T08:00:00Z", "2020-12-18T08:00:00Z", 30),
                "endsAt");
        assertBadField(ONLINE_MATCHING.formatted(partnershipId, "2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 2),
                "slotMinutes");
        assertBadField(valid.replace("\"title\"", "\"room\": \"Messe Essen, hall 3\", \"title\""), "room");
        assertBadField(valid.replace(partnershipId.toString(), "essen-koriyama"), "partnershipId");
        assertBadField(valid.replace("2020-11-18T08:00:00Z", "18.11.2020 09:00"), "startsAt");
        assertBadField(valid.replace("Essen - Koriyama online business matching: products against COVID-19", " "),
                "title");
        assertBadField(valid.replace(", \"slotMinutes\": 30", ""), "slotMinutes");

        assertBadQuery("/api/v1/matching/events/not-a-uuid", "id");
        assertBadQuery("/api/v1/matching/events?partnershipId=essen-koriyama", "partnershipId");
        assertBadQuery("/api/v1/matching/events?partnershipId=" + partnershipId + "&limit=0", "limit");
        HttpResponse<String> withoutPartnership = http().get("/api/v1/matching/events");
        assertThat(withoutPartnership.statusCode()).isEqualTo(400);
        assertThat(ServiceHttp.json(withoutPartnership).path("detail").asString()).contains("partnershipId");

        assertThat(ServiceHttp.json(http().get("/api/v1/matching/events?partnershipId=" + partnershipId))
                .path("items").size()).isZero();
        assertThat(http().get("/api/v1/matching/events/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void servesItsOpenApiDocumentProbesAndMetrics() {
        JsonNode api = ServiceHttp.json(http().get("/v3/api-docs"));
        assertThat(api.path("paths").has("/api/v1/matching/events")).isTrue();
        assertThat(api.path("paths").has("/api/v1/matching/events/{id}")).isTrue();
        PaginationCheck.assertDocumentedAsPage(api, "/api/v1/matching/events");
        assertThat(http().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(ServiceHttp.json(http().get("/actuator/health/readiness")).path("status").asString()).isEqualTo("UP");
        String metrics = http().get("/actuator/prometheus").body();
        assertThat(metrics).contains("ucp_outbox_pending", "http_server_requests_seconds");
    }

    /** What partnership-service would publish: the envelope through the raw producer. */
    private void establish(PartnershipEstablished established) {
        var raw = KafkaTestClients.rawTemplate(brokers);
        raw.send(Topics.PARTNERSHIPS, established.aggregateId(), mapper.toBytes(mapper.envelope(established, 1,
                "partnership-service", null, Clock.systemUTC())));
        raw.flush();
    }

    /** Posts until the partnership has reached our read model; refused posts store nothing. */
    private HttpResponse<String> openOnceKnown(String body, String... headers) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> http().postJson("/api/v1/matching/events", body, headers), r -> r.statusCode() != 422);
    }

    private double consumed(String outcome) {
        var counter = meters.find("ucp.events.consumed")
                .tags("type", "partnership.PartnershipEstablished", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private void assertBadField(String body, String field) {
        assertProblemNaming(http().postJson("/api/v1/matching/events", body), field);
    }

    private void assertBadQuery(String path, String field) {
        assertProblemNaming(http().get(path), field);
    }

    private static void assertProblemNaming(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(field);
    }

    private static List<String> fields(HttpResponse<String> response) {
        return ServiceHttp.json(response).path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }
}
