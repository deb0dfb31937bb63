package org.urbancooperation.events.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.events.cooperationevent.persistence.KnownPartnerships;
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

/** event-service over HTTP, with the Mongo server and an embedded KRaft broker carrying partnership-service's events. */
class CooperationEventApiTest extends ServiceApiTest {

    /** 09:00-12:00 CET on 25 Jan 2023, given with the Brussels offset. */
    static final String CLIMATE_ACTION = """
            {"partnershipId": "%s",
             "title": "EU-Japan 100 Cities Event on Climate Action",
             "format": "CONFERENCE",
             "startsAt": "2023-01-25T09:00:00+01:00",
             "endsAt": "2023-01-25T12:00:00+01:00",
             "timeZones": ["Europe/Brussels", "Asia/Tokyo"],
             "languages": ["en", "ja"],
             "venue": "Online, with English/Japanese interpretation"}""";

    static final String ESTABLISHED = "partnership.PartnershipEstablished";

    @Autowired
    MeterRegistry meters;
    @Autowired
    KnownPartnerships knownPartnerships;
    @Autowired
    MongoDatabase database;

    @Test
    void partnersScheduleForTheirOwnPartnershipsAndEveryoneReadsPublishedEvents() {
        UUID partnershipId = UUID.randomUUID();
        publishEstablished(partnershipId);
        String request = CLIMATE_ACTION.formatted(partnershipId);
        await().atMost(Duration.ofSeconds(20)).until(() -> http().postJson("/api/v1/events", request).statusCode() == 201);

        HttpResponse<String> byEssen = new ServiceHttp(port).as(TestIdentities.ESSEN).postJson("/api/v1/events", request);
        assertThat(byEssen.statusCode()).as(byEssen.body()).isEqualTo(201);
        assertThat(new ServiceHttp(port).as(TestIdentities.DUESSELDORF).postJson("/api/v1/events", request).statusCode())
                .isEqualTo(403);
        assertThat(new ServiceHttp(port).as(TestIdentities.HYDROGEN).postJson("/api/v1/events", request).statusCode())
                .isEqualTo(403);
        assertThat(new ServiceHttp(port).postJson("/api/v1/events", request).statusCode()).isEqualTo(401);

        String location = byEssen.headers().firstValue("Location").orElseThrow();
        assertThat(new ServiceHttp(port).get(location).statusCode()).as("anonymous public read").isEqualTo(200);
        assertThat(ServiceHttp.json(new ServiceHttp(port).get("/api/v1/events?partnershipId=" + partnershipId))
                .path("items").size())
                .isEqualTo(2);
    }

    @Test
    void aPartnershipEstablishedElsewhereCanScheduleAnEventWhichIsPublished() {
        UUID partnershipId = UUID.randomUUID();
        String request = CLIMATE_ACTION.formatted(partnershipId);
        assertThat(http().postJson("/api/v1/events", request).statusCode()).as("not established yet").isEqualTo(422);

        publishEstablished(partnershipId);
        HttpResponse<String> created = await().atMost(Duration.ofSeconds(30))
                .until(() -> http().postJson("/api/v1/events", request, "X-Correlation-Id", "event-req-1"),
                        response -> response.statusCode() == 201);

        JsonNode body = ServiceHttp.json(created);
        String id = body.path("id").asString();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/events/" + id);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(body.path("startsAt").asString()).isEqualTo("2023-01-25T08:00:00Z");
        assertThat(body.path("format").asString()).isEqualTo("CONFERENCE");

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.COOPERATION_EVENTS,
                id, 1);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(KafkaTestClients.header(record, KafkaHeaders.TYPE)).isEqualTo("events.CooperationEventScheduled");
        assertThat(KafkaTestClients.header(record, KafkaHeaders.SOURCE)).isEqualTo("event-service");
        assertThat(KafkaTestClients.header(record, KafkaHeaders.CORRELATION_ID)).isEqualTo("event-req-1");
        EventEnvelope envelope = mapper.fromBytes(record.value());
        assertThat(new IntegrationEventSchemas(mapper).violations(envelope)).isEmpty();
        assertThat(envelope.aggregateVersion()).isEqualTo(1);
        JsonNode payload = envelope.payload();
        assertThat(payload.path("cooperationEventId").asString()).isEqualTo(id);
        assertThat(payload.path("partnershipId").asString()).isEqualTo(partnershipId.toString());
        assertThat(payload.path("title").asString()).isEqualTo("EU-Japan 100 Cities Event on Climate Action");
        assertThat(payload.path("format").asString()).isEqualTo("CONFERENCE");
        assertThat(payload.path("startsAt").asString()).isEqualTo("2023-01-25T08:00:00Z");
        assertThat(payload.path("endsAt").asString()).isEqualTo("2023-01-25T11:00:00Z");
        assertThat(strings(payload.path("timeZones"))).containsExactly("Europe/Brussels", "Asia/Tokyo");
        assertThat(strings(payload.path("languages"))).containsExactly("en", "ja");
    }

    @Test
    void theEuJapanEventShowsNineInBrusselsAndFiveInTokyo() {
        UUID partnershipId = knownPartnership();
        String location = http().postJson("/api/v1/events", CLIMATE_ACTION.formatted(partnershipId))
                .headers().firstValue("Location").orElseThrow();

        HttpResponse<String> read = http().get(location);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode localTimes = ServiceHttp.json(read).path("localTimes");
        assertThat(localTimes.size()).isEqualTo(2);
        assertThat(localTimes.get(0).path("timeZone").asString()).isEqualTo("Europe/Brussels");
        assertThat(localTimes.get(0).path("startsAt").asString()).isEqualTo("2023-01-25T09:00:00+01:00");
        assertThat(localTimes.get(0).path("endsAt").asString()).isEqualTo("2023-01-25T12:00:00+01:00");
        assertThat(localTimes.get(1).path("timeZone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(localTimes.get(1).path("startsAt").asString()).isEqualTo("2023-01-25T17:00:00+09:00");
        assertThat(localTimes.get(1).path("endsAt").asString()).isEqualTo("2023-01-25T20:00:00+09:00");
        assertThat(http().get("/api/v1/events/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void withoutTimeZonesTheAgendaIsShownInThePartnerCitiesZones() {
        UUID partnershipId = knownPartnership();
        String noZones = CLIMATE_ACTION.formatted(partnershipId)
                .replace("\"timeZones\": [\"Europe/Brussels\", \"Asia/Tokyo\"],", "");

        HttpResponse<String> created = http().postJson("/api/v1/events", noZones);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = ServiceHttp.json(created);
        assertThat(strings(body.path("timeZones"))).containsExactly("Europe/Berlin", "Asia/Tokyo");
        assertThat(body.path("localTimes").get(0).path("startsAt").asString()).isEqualTo("2023-01-25T09:00:00+01:00");
    }

    @Test
    void listsAPartnershipsEventsPageByPage() {
        UUID partnershipId = knownPartnership();
        String later = CLIMATE_ACTION.formatted(partnershipId).replace("2023-01-25", "2023-01-26")
                .replace("EU-Japan 100 Cities Event on Climate Action", "Day two");
        assertThat(http().postJson("/api/v1/events", later).statusCode()).isEqualTo(201);
        assertThat(http().postJson("/api/v1/events", CLIMATE_ACTION.formatted(partnershipId)).statusCode())
                .isEqualTo(201);

        JsonNode listed = ServiceHttp.json(anonymous().get("/api/v1/events?partnershipId=" + partnershipId));
        assertThat(listed.path("items").valueStream().map(e -> e.path("title").asString()).toList())
                .containsExactlyInAnyOrder("EU-Japan 100 Cities Event on Climate Action", "Day two");
        assertThat(listed.path("items").get(0).path("version").asLong()).isEqualTo(1);
        assertThat(listed.path("next").isNull()).isTrue();
        JsonNode first = ServiceHttp.json(http().get("/api/v1/events?partnershipId=" + partnershipId + "&limit=1"));
        JsonNode second = ServiceHttp.json(http().get("/api/v1/events?partnershipId=" + partnershipId + "&limit=1"
                + "&cursor=" + first.path("next").asString()));
        assertThat(second.path("items").size()).isEqualTo(1);
        assertThat(second.path("items").get(0).path("id")).isNotEqualTo(first.path("items").get(0).path("id"));
        assertThat(second.path("next").isNull()).isTrue();
        assertThat(ServiceHttp.json(http().get("/api/v1/events?partnershipId=" + UUID.randomUUID())).path("items")
                .size()).isZero();
        assertThat(http().get("/api/v1/events").statusCode()).as("partnershipId is required").isEqualTo(400);
    }

    @Test
    void aWalkThroughTheListSeesEveryEventOnceWhileOthersAreScheduledAndChanged() {
        UUID partnershipId = knownPartnership();
        MongoCollection<Document> stored = database.getCollection("cooperation_events");
        PaginationCheck.of(anonymous(), "/api/v1/events?partnershipId=" + partnershipId)
                .creating(() -> {
                    HttpResponse<String> created = http().postJson("/api/v1/events",
                            CLIMATE_ACTION.formatted(partnershipId));
                    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                    return ServiceHttp.json(created).path("id").asString();
                })
                // No API changes a cooperation event yet: a change as the store writes one (new state, next version).
                .changing(id -> assertThat(stored.updateOne(Filters.eq("_id", id), Updates.combine(
                        Updates.set("venue", "Essen, Zollverein"), Updates.inc("version", 1L))).getModifiedCount())
                        .isEqualTo(1))
                .verify();
    }

    @Test
    void anUnknownPartnershipIsRefusedNamingTheField() {
        UUID unknown = UUID.randomUUID();

        HttpResponse<String> response = http().postJson("/api/v1/events", CLIMATE_ACTION.formatted(unknown));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(fields(response)).containsExactly("partnershipId");
        assertThat(ServiceHttp.json(http().get("/api/v1/events?partnershipId=" + unknown)).path("items").size())
                .isZero();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        UUID partnershipId = knownPartnership();
        String valid = CLIMATE_ACTION.formatted(partnershipId);

        assertThat(assertBadField(valid.replace("12:00:00+01:00", "08:00:00+01:00"), "endsAt"))
                .contains("before endsAt");
        assertThat(assertBadField(valid.replace("2023-01-25T12:00:00+01:00", "2023-02-26T12:00:00+01:00"), "endsAt"))
                .contains("31 days");
        assertBadField(valid.replace("Asia/Tokyo", "JST"), "timeZones[1]");
        assertBadField(valid.replace("\"ja\"", "\"xx\""), "languages[1]");
        assertBadField(valid.replace("2023-01-25T09:00:00+01:00", "+10000-01-25T09:00:00+01:00"), "startsAt");
        assertBadField(valid.replace("2023-01-25T09:00:00+01:00", "2023-01-25T24:00:00+01:00"), "startsAt");
        assertBadField(valid.replace("\"ja\"", "\"Japanese\""), "languages[1]");
        assertBadField(valid.replace("\"CONFERENCE\"", "\"PARTY\""), "format");
        assertBadField(valid.replace("2023-01-25T09:00:00+01:00", "25 Jan 2023 09:00"), "startsAt");
        assertBadField(valid.replace("\"venue\"", "\"version\": 7, \"venue\""), "version");
        assertBadField(valid.replace("EU-Japan 100 Cities Event on Climate Action", " "), "title");

        assertThat(ServiceHttp.json(http().get("/api/v1/events?partnershipId=" + partnershipId)).path("items").size())
                .isZero();
    }

    @Test
    void theSamePartnershipEstablishedDeliveredTwiceHasOneEffect() {
        UUID partnershipId = UUID.randomUUID();
        byte[] established = envelopeBytes(partnershipId);
        double appliedBefore = consumed("applied");
        double staleBefore = consumed("stale");
        var raw = KafkaTestClients.rawTemplate(brokers);

        raw.send(Topics.PARTNERSHIPS, partnershipId.toString(), established);
        raw.send(Topics.PARTNERSHIPS, partnershipId.toString(), established);
        raw.flush();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(consumed("stale")).isEqualTo(staleBefore + 1));
        assertThat(consumed("applied")).isEqualTo(appliedBefore + 1);
        assertThat(knownPartnerships.find(partnershipId)).hasValueSatisfying(p ->
                assertThat(p.timeZones()).containsExactly("Europe/Berlin", "Asia/Tokyo"));
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheConsumerGoesOn() {
        UUID partnershipId = UUID.randomUUID();
        var raw = KafkaTestClients.rawTemplate(brokers);

        raw.send(Topics.PARTNERSHIPS, partnershipId.toString(), "not an event".getBytes(StandardCharsets.UTF_8));
        raw.send(Topics.PARTNERSHIPS, partnershipId.toString(), envelopeBytes(partnershipId));
        raw.flush();

        await().atMost(Duration.ofSeconds(20)).until(() -> knownPartnerships.find(partnershipId).isPresent());
        List<ConsumerRecord<String, byte[]>> dead = KafkaTestClients.readWithKey(brokers,
                Topics.deadLetterTopicOf(Topics.PARTNERSHIPS), partnershipId.toString(), 1);
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not an event");
        assertThat(http().postJson("/api/v1/events", CLIMATE_ACTION.formatted(partnershipId)).statusCode())
                .isEqualTo(201);
    }

    @Test
    void servesItsOpenApiDocumentProbesAndMetrics() {
        JsonNode api = ServiceHttp.json(http().get("/v3/api-docs"));
        assertThat(api.path("paths").path("/api/v1/events").path("post").path("responses").has("201")).isTrue();
        assertThat(api.path("paths").has("/api/v1/events/{id}")).isTrue();
        PaginationCheck.assertDocumentedAsPage(api, "/api/v1/events");
        assertThat(http().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(ServiceHttp.json(http().get("/actuator/health/readiness")).path("status").asString()).isEqualTo("UP");
        String metrics = http().get("/actuator/prometheus").body();
        assertThat(metrics).contains("ucp_outbox_pending", "http_server_requests_seconds");
    }

    /** A partnership established in partnership-service, once its event has reached this service. */
    private UUID knownPartnership() {
        UUID partnershipId = UUID.randomUUID();
        publishEstablished(partnershipId);
        await().atMost(Duration.ofSeconds(20)).until(() -> knownPartnerships.find(partnershipId).isPresent());
        return partnershipId;
    }

    private void publishEstablished(UUID partnershipId) {
        var raw = KafkaTestClients.rawTemplate(brokers);
        raw.send(Topics.PARTNERSHIPS, partnershipId.toString(), envelopeBytes(partnershipId));
        raw.flush();
    }

    private byte[] envelopeBytes(UUID partnershipId) {
        return mapper.toBytes(mapper.envelope(SampleEvents.essenKoriyama(partnershipId), 1, "partnership-service", null,
                Clock.systemUTC()));
    }

    private double consumed(String outcome) {
        var counter = meters.find("ucp.events.consumed").tags("type", ESTABLISHED, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** @return the problem's detail */
    private String assertBadField(String body, String field) {
        HttpResponse<String> response = http().postJson("/api/v1/events", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(field);
        return ServiceHttp.json(response).path("detail").asString();
    }

    private static List<String> fields(HttpResponse<String> response) {
        return ServiceHttp.json(response).path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
