package org.urbancooperation.partnership.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.contracts.events.CooperationEventScheduled;
import org.urbancooperation.contracts.events.CooperationEventScheduledV2;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.contracts.matching.MatchingEventOpened;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import com.mongodb.client.MongoDatabase;

import tools.jackson.databind.JsonNode;

/** The indicator endpoints over HTTP, per role, with the Mongo server and an embedded KRaft broker. */
class IndicatorApiTest extends ServiceApiTest {

    static final String SEMINARS = """
            {"code": "%s", "name": {"en": "Joint seminars and study tours held", "ja": "共同セミナー・視察"},
             "unit": "events", "source": "AUTOMATIC", "measure": "COOPERATION_EVENTS_HELD",
             "baseline": 0, "target": 4, "targetDate": "2021-12-31"}""";
    static final String STUDENTS = """
            {"code": "%s", "name": {"en": "Students exchanged"}, "unit": "students", "source": "MANUAL",
             "baseline": 0, "target": 2, "targetDate": "2022-04-30"}""";
    static final String TARGET = "{\"baseline\": 0, \"target\": 6, \"targetDate\": \"2022-12-31\"}";
    static final String VALUE = "{\"value\": 1, \"measuredOn\": \"2020-12-31\", \"source\": \"Annual report 2020\"}";

    /**
     * This context's own broker: {@code brokers} resolves the system property that the broker of the context
     * started last sets, which is another one once a test with other properties has started its own context.
     */
    @Autowired
    EmbeddedKafkaBroker embeddedKafka;

    String broker() {
        return embeddedKafka.getBrokersAsString();
    }

    @Autowired
    MongoDatabase database;

    /** A partnership of Essen and Koriyama (no status yet: readable by all), as its path. */
    String partnership(String name) {
        HttpResponse<String> created = http().postJson("/api/v1/partnerships",
                PartnershipApiTest.ESSEN_KORIYAMA.formatted(name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    static HttpResponse<String> put(ServiceHttp http, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request);
    }

    @Test
    void operatorsDefineIndicatorsAndEveryTargetSetIsPublished() {
        String partnership = partnership("Indicators defined");
        String id = partnership.substring(partnership.lastIndexOf('/') + 1);

        HttpResponse<String> created = http().postJson(partnership + "/indicators", SEMINARS.formatted("IURC-EV-1"),
                "X-Correlation-Id", "define-1");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains(partnership + "/indicators/IURC-EV-1");
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode body = ServiceHttp.json(created);
        assertThat(body.path("name").path("ja").asString()).isEqualTo("共同セミナー・視察");
        assertThat(body.path("actual").asInt()).isZero();
        assertThat(body.path("progress").decimalValue()).isEqualByComparingTo("0");

        HttpResponse<String> changed = put(http(), partnership + "/indicators/IURC-EV-1/target", TARGET,
                "If-Match", "\"1\"");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(ServiceHttp.json(changed).path("target").asInt()).isEqualTo(6);

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(broker(), Topics.INDICATORS,
                id + "/IURC-EV-1", 2);
        assertThat(records).hasSize(2);
        assertThat(KafkaTestClients.header(records.get(0), KafkaHeaders.TYPE)).isEqualTo("partnership.IndicatorTargetSet");
        assertThat(KafkaTestClients.header(records.get(0), KafkaHeaders.CORRELATION_ID)).isEqualTo("define-1");
        EventEnvelope last = mapper.fromBytes(records.get(1).value());
        assertThat(new IntegrationEventSchemas(mapper).violations(last)).isEmpty();
        assertThat(last.aggregateVersion()).isEqualTo(2);
        assertThat(last.payload().path("target").asInt()).isEqualTo(6);
        assertThat(last.payload().path("measure").asString()).isEqualTo("COOPERATION_EVENTS_HELD");

        HttpResponse<String> again = http().postJson(partnership + "/indicators", STUDENTS.formatted("IURC-EV-1"));
        assertThat(again.statusCode()).as("a code once per partnership").isEqualTo(409);
        assertThat(http().postJson(partnership("Indicators elsewhere") + "/indicators", SEMINARS.formatted("IURC-EV-1"))
                .statusCode()).isEqualTo(201);
        assertThat(http().postJson("/api/v1/partnerships/" + UUID.randomUUID() + "/indicators",
                SEMINARS.formatted("IURC-EV-1")).statusCode()).isEqualTo(404);
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String indicator = partnership("Stale targets") + "/indicators/IURC-EV-1";
        http().postJson(indicator.substring(0, indicator.lastIndexOf('/')), SEMINARS.formatted("IURC-EV-1"));
        assertThat(put(http(), indicator + "/target", TARGET, "If-Match", "\"1\"").statusCode()).isEqualTo(200);

        HttpResponse<String> stale = put(http(), indicator + "/target",
                TARGET.replace("\"target\": 6", "\"target\": 9"), "If-Match", "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(put(http(), indicator + "/target", TARGET, "If-Match", "W/\"2\"").statusCode())
                .as("a weak tag never matches a write").isEqualTo(412);
        HttpResponse<String> value = http().postJson(indicator.replace("IURC-EV-1", "IURC-ST-2") + "/values", VALUE,
                "If-Match", "\"7\"");
        assertThat(value.statusCode()).as("unknown indicator first").isEqualTo(404);

        HttpResponse<String> read = http().get(indicator);
        assertThat(read.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(ServiceHttp.json(read).path("target").asInt()).isEqualTo(6);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        String indicators = partnership("Bad indicators") + "/indicators";
        String good = SEMINARS.formatted("BAD-1");
        assertBadField(http().postJson(indicators, good.replace("BAD-1", "bad-1")), "code");
        assertBadField(http().postJson(indicators, good.replace("\"code\": \"BAD-1\", ", "")), "code");
        assertBadField(http().postJson(indicators, good.replace("\"en\": \"Joint seminars and study tours held\", ", "")),
                "name.en");
        assertBadField(http().postJson(indicators, good.replace("\"ja\"", "\"japanese\"")), "name.japanese");
        assertBadField(http().postJson(indicators, good.replace("\"events\"", "\"\"")), "unit");
        assertBadField(http().postJson(indicators, good.replace("\"AUTOMATIC\"", "\"SOMETIMES\"")), "source");
        assertBadField(http().postJson(indicators, good.replace("\"COOPERATION_EVENTS_HELD\"", "\"EVERYTHING\"")),
                "measure");
        assertBadField(http().postJson(indicators, good.replace("\"AUTOMATIC\"", "\"MANUAL\"")), "measure");
        assertBadField(http().postJson(indicators, good.replace("\"baseline\": 0", "\"baseline\": -1")), "baseline");
        assertBadField(http().postJson(indicators, good.replace("\"target\": 4", "\"target\": 0")), "target");
        assertBadField(http().postJson(indicators, good.replace("\"target\": 4", "\"target\": \"four\"")), "target");
        assertBadField(http().postJson(indicators, good.replace("2021-12-31", "31.12.2021")), "targetDate");
        assertBadField(http().postJson(indicators, good.replace("2021-12-31", "2201-01-01")), "targetDate");
        assertBadField(http().postJson(indicators, good.replace("\"unit\"", "\"actual\": 3, \"unit\"")), "actual");

        http().postJson(indicators, SEMINARS.formatted("GOOD-1"));
        http().postJson(indicators, STUDENTS.formatted("GOOD-2"));
        assertBadField(put(http(), indicators + "/GOOD-1/target", TARGET.replace("\"target\": 6", "\"target\": -6")),
                "target");
        assertBadField(put(http(), indicators + "/GOOD-1/target", TARGET.replace("2022-12-31", "2022-13-01")),
                "targetDate");
        assertBadField(put(http(), indicators + "/GOOD-1/target", TARGET, "If-Match", "3"), "If-Match");
        assertBadField(http().postJson(indicators + "/GOOD-2/values", VALUE.replace("\"value\": 1", "\"value\": -1")),
                "value");
        assertBadField(http().postJson(indicators + "/GOOD-2/values", VALUE.replace("2020-12-31", "1899-12-31")),
                "measuredOn");
        assertBadField(http().postJson(indicators + "/GOOD-2/values", VALUE.replace("Annual report 2020", " ")),
                "source");
        assertBadField(http().postJson(indicators + "/GOOD-2/values", VALUE.replace("\"value\": 1, ", "")), "value");

        JsonNode all = ServiceHttp.json(http().get(indicators));
        assertThat(all.path("items").valueStream().map(i -> i.path("code").asString()).toList())
                .containsExactly("GOOD-1", "GOOD-2");
        assertThat(all.path("items").get(0).path("target").asInt()).isEqualTo(4);
        assertThat(all.path("items").get(1).path("values").size()).isZero();
        assertThat(http().get(indicators + "/GOOD-1").headers().firstValue("ETag")).contains("\"1\"");
    }

    @Test
    void onlyOperatorsDefineIndicatorsAndSetTargets() {
        String indicators = partnership("Who defines") + "/indicators";
        http().postJson(indicators, SEMINARS.formatted("IURC-EV-1"));
        for (CallerIdentity other : List.of(TestIdentities.ESSEN, TestIdentities.DUESSELDORF, TestIdentities.HYDROGEN)) {
            assertThat(as(other).postJson(indicators, SEMINARS.formatted("IURC-EV-2")).statusCode()).isEqualTo(403);
            assertThat(put(as(other), indicators + "/IURC-EV-1/target", TARGET).statusCode()).isEqualTo(403);
        }
        assertThat(anonymous().postJson(indicators, SEMINARS.formatted("IURC-EV-2")).statusCode()).isEqualTo(401);
        assertThat(put(anonymous(), indicators + "/IURC-EV-1/target", TARGET).statusCode()).isEqualTo(401);
        assertThat(ServiceHttp.json(http().get(indicators)).path("items").size()).isEqualTo(1);
        assertThat(http().get(indicators + "/IURC-EV-1").headers().firstValue("ETag")).contains("\"1\"");
    }

    @Test
    void staffOfMemberOrganisationsAndOperatorsEnterManualValuesWithHistory() {
        String indicators = partnership("Who enters values") + "/indicators";
        http().postJson(indicators, STUDENTS.formatted("IURC-ST-2"));
        http().postJson(indicators, SEMINARS.formatted("IURC-EV-1"));

        HttpResponse<String> byEssen = as(TestIdentities.ESSEN).postJson(indicators + "/IURC-ST-2/values", VALUE,
                "If-Match", "\"1\"");
        assertThat(byEssen.statusCode()).as(byEssen.body()).isEqualTo(200);
        assertThat(byEssen.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(as(TestIdentities.KORIYAMA).postJson(indicators + "/IURC-ST-2/values", VALUE, "If-Match", "\"1\"")
                .statusCode()).as("stale").isEqualTo(412);
        HttpResponse<String> byOperator = http().postJson(indicators + "/IURC-ST-2/values",
                "{\"value\": 2, \"measuredOn\": \"2021-06-30\", \"source\": \"Survey of the partner schools\"}");
        assertThat(byOperator.statusCode()).isEqualTo(200);

        assertThat(as(TestIdentities.DUESSELDORF).postJson(indicators + "/IURC-ST-2/values", VALUE).statusCode())
                .isEqualTo(403);
        assertThat(as(TestIdentities.HYDROGEN).postJson(indicators + "/IURC-ST-2/values", VALUE).statusCode())
                .isEqualTo(403);
        assertThat(anonymous().postJson(indicators + "/IURC-ST-2/values", VALUE).statusCode()).isEqualTo(401);
        HttpResponse<String> automatic = as(TestIdentities.ESSEN).postJson(indicators + "/IURC-EV-1/values", VALUE);
        assertThat(automatic.statusCode()).isEqualTo(409);
        assertThat(automatic.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        JsonNode read = ServiceHttp.json(anonymous().get(indicators + "/IURC-ST-2"));
        assertThat(read.path("values").size()).isEqualTo(2);
        assertThat(read.path("values").get(0).path("enteredBy").asString()).isEqualTo("city-of-essen");
        assertThat(read.path("values").get(1).path("enteredBy").asString()).isEqualTo("operator");
        assertThat(read.path("actual").asInt()).isEqualTo(2);
        assertThat(read.path("progress").decimalValue()).isEqualByComparingTo("1");
        assertThat(read.path("version").asInt()).isEqualTo(3);
    }

    @Test
    void businessesOtherPartnersAndAnonymousCallersReadIndicatorsOfActivePartnershipsOnly() {
        String partnership = partnership("Who reads");
        String id = partnership.substring(partnership.lastIndexOf('/') + 1);
        String indicators = partnership + "/indicators";
        http().postJson(indicators, SEMINARS.formatted("IURC-EV-1"));
        List<ServiceHttp> everybody = List.of(http(), as(TestIdentities.ESSEN), as(TestIdentities.DUESSELDORF),
                as(TestIdentities.HYDROGEN), anonymous());

        for (ServiceHttp reader : everybody) {
            assertThat(reader.get(indicators).statusCode()).isEqualTo(200);
            assertThat(reader.get(indicators + "/IURC-EV-1").statusCode()).isEqualTo(200);
            assertThat(reader.get(partnership + "/activity").statusCode()).isEqualTo(200);
        }

        // Once partnerships have a lifecycle, one that is not active is its members' and the operators' only.
        database.getCollection("partnerships").updateOne(new Document("_id", id),
                new Document("$set", new Document("status", "SUSPENDED")));
        for (ServiceHttp reader : List.of(http(), as(TestIdentities.ESSEN), as(TestIdentities.KORIYAMA))) {
            assertThat(reader.get(indicators + "/IURC-EV-1").statusCode()).isEqualTo(200);
        }
        for (ServiceHttp reader : List.of(as(TestIdentities.DUESSELDORF), as(TestIdentities.HYDROGEN), anonymous())) {
            assertThat(reader.get(indicators).statusCode()).isEqualTo(404);
            assertThat(reader.get(indicators + "/IURC-EV-1").statusCode()).isEqualTo(404);
            assertThat(reader.get(partnership + "/activity").statusCode()).isEqualTo(404);
        }
        database.getCollection("partnerships").updateOne(new Document("_id", id),
                new Document("$set", new Document("status", "ACTIVE")));
        assertThat(anonymous().get(indicators + "/IURC-EV-1").statusCode()).isEqualTo(200);

        assertThat(http().get(indicators + "/IURC-EV-9").statusCode()).isEqualTo(404);
        assertThat(anonymous().get("/api/v1/partnerships/" + UUID.randomUUID() + "/indicators").statusCode())
                .isEqualTo(404);
    }

    @Test
    void indicatorsPageByCursorAndATamperedCursorIsRefused() {
        String indicators = partnership("Paged indicators") + "/indicators";
        for (int i = 1; i <= 5; i++) {
            http().postJson(indicators, STUDENTS.formatted("P-" + i));
        }

        List<String> codes = new ArrayList<>();
        JsonNode page = ServiceHttp.json(http().get(indicators + "?limit=2"));
        page.path("items").forEach(i -> codes.add(i.path("code").asString()));
        while (!page.path("next").isNull()) {
            page = ServiceHttp.json(http().get(indicators + "?limit=2&cursor=" + page.path("next").asString()));
            page.path("items").forEach(i -> codes.add(i.path("code").asString()));
        }

        assertThat(codes).containsExactly("P-1", "P-2", "P-3", "P-4", "P-5");
        assertBadField(http().get(indicators + "?cursor=not-a-cursor"), "cursor");
        assertBadField(http().get(indicators + "?limit=0"), "limit");
    }

    /**
     * Today's counters keep their meaning (scheduled, opened), at /activity now. Cooperation events are counted from
     * CooperationEventScheduled v2, once per partnership it names however often it is delivered; v1 (one message per
     * partnership, still published beside v2) is not read any more, so nothing is counted twice.
     */
    @Test
    void activityCountsEachReportedEventOnceHoweverOftenItIsDelivered() {
        String partnership = partnership("Essen - Koriyama activity");
        UUID partnershipId = UUID.fromString(partnership.substring(partnership.lastIndexOf('/') + 1));
        String other = partnership("Second partnership activity");
        UUID otherId = UUID.fromString(other.substring(other.lastIndexOf('/') + 1));
        UUID tourId = UUID.randomUUID();
        CooperationEventScheduled tourV1 = new CooperationEventScheduled(tourId, partnershipId,
                "Study tour to Essen on Stadtwerke", "STUDY_TOUR", Instant.parse("2019-08-25T22:00:00Z"),
                Instant.parse("2019-08-31T22:00:00Z"), List.of("Europe/Berlin", "Asia/Tokyo"), List.of());
        CooperationEventScheduledV2 tour = new CooperationEventScheduledV2(tourId, List.of(partnershipId, otherId),
                "Study tour to Essen on Stadtwerke", "STUDY_TOUR", Instant.parse("2019-08-25T22:00:00Z"),
                Instant.parse("2019-08-31T22:00:00Z"), "MONTH", "Europe/Berlin",
                List.of("Europe/Berlin", "Asia/Tokyo"), List.of());
        MatchingEventOpened matching = new MatchingEventOpened(UUID.randomUUID(), partnershipId,
                "Online business matching: products against COVID-19", Instant.parse("2020-11-18T08:00:00Z"),
                Instant.parse("2020-11-18T11:00:00Z"), 30);
        byte[] tourBytes = mapper.toBytes(mapper.envelope(tour, 2, "event-service", null, Clock.systemUTC()));
        var raw = KafkaTestClients.rawTemplate(broker());
        raw.send(Topics.COOPERATION_EVENTS, tourV1.aggregateId(),
                mapper.toBytes(mapper.envelope(tourV1, 2, "event-service", null, Clock.systemUTC())));
        raw.send(Topics.COOPERATION_EVENTS, tour.aggregateId(), tourBytes);
        raw.send(Topics.COOPERATION_EVENTS, tour.aggregateId(), tourBytes);
        raw.send(Topics.MATCHING_EVENTS, matching.aggregateId(),
                mapper.toBytes(mapper.envelope(matching, 1, "matching-service", null, Clock.systemUTC())));
        raw.flush();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode activity = ServiceHttp.json(http().get(partnership + "/activity"));
            assertThat(activity.path("matchingEventsOpened").asLong()).isEqualTo(1);
            assertThat(activity.path("cooperationEventsScheduled").asLong()).isEqualTo(1);
            assertThat(activity.path("cooperationEventsByFormat").path("STUDY_TOUR").asLong()).isEqualTo(1);
            JsonNode ofOther = ServiceHttp.json(http().get(other + "/activity"));
            assertThat(ofOther.path("cooperationEventsScheduled").asLong()).as("v2 names both").isEqualTo(1);
        });
        assertThat(http().get("/api/v1/partnerships/" + UUID.randomUUID() + "/activity").statusCode()).isEqualTo(404);
    }

    @Test
    void theApiDocumentListsTheIndicatorEndpoints() {
        JsonNode paths = ServiceHttp.json(http().get("/v3/api-docs")).path("paths");
        assertThat(paths.has("/api/v1/partnerships/{id}/indicators")).isTrue();
        assertThat(paths.has("/api/v1/partnerships/{id}/indicators/{code}/target")).isTrue();
        assertThat(paths.has("/api/v1/partnerships/{id}/indicators/{code}/values")).isTrue();
    }

    static void assertBadField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        List<String> fields = ServiceHttp.json(response).path("errors").valueStream()
                .map(e -> e.path("field").asString()).toList();
        assertThat(fields).as(response.body()).contains(field);
    }
}
