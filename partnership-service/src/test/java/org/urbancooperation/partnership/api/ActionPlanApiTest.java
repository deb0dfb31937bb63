package org.urbancooperation.partnership.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.partnership.actionplan.metrics.ActionGauges;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import tools.jackson.databind.JsonNode;

/** Focal points and actions over HTTP, with the Mongo server and an embedded KRaft broker. */
class ActionPlanApiTest extends ServiceApiTest {

    static final CallerIdentity ESSEN = TestIdentities.ESSEN;
    static final CallerIdentity KORIYAMA = TestIdentities.KORIYAMA;

    @Autowired
    ActionGauges gauges;

    // Focal points

    @Test
    void membersDefineAndChangeFocalPointsAndEverybodyReadsThem() {
        String p = partnership("Focal points");
        String fp = "/api/v1/partnerships/" + p + "/focal-points";
        String body = "{\"number\": 1, \"title\": {\"en\": \"Continued knowledge transfer & study tours\"}}";

        assertThat(anonymous().postJson(fp, body).statusCode()).isEqualTo(401);
        assertThat(as(TestIdentities.DUESSELDORF).postJson(fp, body).statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.HYDROGEN).postJson(fp, body).statusCode()).isEqualTo(403);
        assertThat(as(KORIYAMA).postJson("/api/v1/partnerships/" + UUID.randomUUID() + "/focal-points", body)
                .statusCode()).isEqualTo(404);
        assertThat(ServiceHttp.json(anonymous().get(fp)).size()).isZero();

        HttpResponse<String> one = as(KORIYAMA).postJson(fp, body);
        assertThat(one.statusCode()).as(one.body()).isEqualTo(201);
        assertThat(one.headers().firstValue("ETag")).contains("\"1\"");
        String location = one.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> three = http().postJson(fp, "{\"number\": 3, \"title\": {\"en\": \"Academic "
                + "internship & student exchange programs\"}}");
        assertThat(three.statusCode()).isEqualTo(201);
        assertBadField(as(ESSEN).postJson(fp, body), "number");

        HttpResponse<String> changed = patch(as(ESSEN), location, "{\"description\": \"Continued knowledge transfer "
                + "on renewable energy as one of the main drivers for Green Deal and water management\"}", "\"1\"");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(patch(as(ESSEN), location, "{\"number\": 2}", "\"1\"").statusCode()).isEqualTo(412);
        assertBadField(patch(as(ESSEN), location, "{\"number\": 3}", "\"2\""), "number");
        assertBadField(patch(as(ESSEN), location, "{\"title\": {\"de\": \"Wissenstransfer\"}}", "\"2\""), "title.en");
        assertThat(patch(as(TestIdentities.DUESSELDORF), location, "{\"number\": 2}", "\"2\"").statusCode())
                .isEqualTo(403);

        JsonNode list = ServiceHttp.json(anonymous().get(fp));
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("number").asInt()).isEqualTo(1);
        assertThat(list.get(0).path("description").asString()).startsWith("Continued knowledge transfer");
        assertThat(list.get(1).path("number").asInt()).isEqualTo(3);
        assertThat(as(TestIdentities.HYDROGEN).get(location).statusCode()).isEqualTo(200);
        assertThat(http().get(fp + "/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(http().get("/api/v1/partnerships/" + UUID.randomUUID() + "/focal-points").statusCode())
                .isEqualTo(404);
    }

    // Actions: roles

    @Test
    void onlyOperatorsAndMembersPlanActionsAndEverybodyReadsThem() {
        String p = partnership("Roles");
        String focalPoint = focalPoint(p, 2, "Organizing joint seminars & business matching events");
        String actions = "/api/v1/partnerships/" + p + "/actions";
        String body = action(focalPoint, "Participate in REIF Fukushima in Koriyama", "renewable-energy",
                "\"plannedFrom\": \"2020-10-28\", \"plannedTo\": \"2020-10-29\", \"format\": \"IN_PERSON\"");

        assertThat(anonymous().postJson(actions, body).statusCode()).isEqualTo(401);
        assertThat(as(TestIdentities.DUESSELDORF).postJson(actions, body).statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.ROBOTS).postJson(actions, body).statusCode()).isEqualTo(403);
        assertThat(as(ESSEN).postJson("/api/v1/partnerships/" + UUID.randomUUID() + "/actions", body).statusCode())
                .isEqualTo(404);
        HttpResponse<String> byEssen = as(ESSEN).postJson(actions, body);
        assertThat(byEssen.statusCode()).as(byEssen.body()).isEqualTo(201);
        assertThat(http().postJson(actions, body).statusCode()).isEqualTo(201);
        String location = byEssen.headers().firstValue("Location").orElseThrow();

        for (ServiceHttp reader : List.of(anonymous(), as(TestIdentities.HYDROGEN), as(TestIdentities.DUESSELDORF),
                as(KORIYAMA), http())) {
            HttpResponse<String> read = reader.get(location);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.headers().firstValue("ETag")).contains("\"1\"");
            assertThat(ServiceHttp.json(reader.get(actions)).path("items")).hasSize(2);
        }
        String move = "{\"status\": \"UNDERWAY\"}";
        assertThat(anonymous().postJson(location + "/status", move).statusCode()).isEqualTo(401);
        assertThat(as(TestIdentities.DUESSELDORF).postJson(location + "/status", move).statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.HYDROGEN).postJson(location + "/format",
                "{\"format\": \"ONLINE\", \"reason\": \"x\"}").statusCode()).isEqualTo(403);
        assertThat(patch(as(TestIdentities.HYDROGEN), location, "{\"theme\": \"education\"}", null).statusCode())
                .isEqualTo(403);
        assertThat(as(KORIYAMA).postJson(location + "/status", move).statusCode()).isEqualTo(200);

        // Another partnership's action, or none, is not found under this partnership.
        String other = partnership("Roles, other");
        assertThat(http().get("/api/v1/partnerships/" + other + "/actions/" + id(location)).statusCode())
                .isEqualTo(404);
        assertThat(http().get(actions + "/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(anonymous().get("/api/v1/partnerships/" + UUID.randomUUID() + "/actions").statusCode())
                .isEqualTo(404);
    }

    // Actions: bad input

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        String p = partnership("Refusals");
        String focalPoint = focalPoint(p, 3, "Academic internship & student exchange programs");
        String actions = "/api/v1/partnerships/" + p + "/actions";
        String good = action(focalPoint, "Internship programme", "education",
                "\"plannedFrom\": \"2020-06\", \"plannedTo\": \"2020-08\"");

        assertBadField(as(ESSEN).postJson(actions, good.replace("\"focalPointId\": \"" + focalPoint + "\", ", "")),
                "focalPointId");
        assertBadField(as(ESSEN).postJson(actions, good.replace(focalPoint, "not-a-uuid")), "focalPointId");
        assertBadField(as(ESSEN).postJson(actions, good.replace("{\"en\":", "{\"ja\":")), "title.en");
        assertBadField(as(ESSEN).postJson(actions, good.replace("{\"en\":", "{\"EN_x\":")), "title");
        assertBadField(as(ESSEN).postJson(actions, good.replace("Internship programme", "Bad\\u202Etitle")),
                "title.en");
        assertBadField(as(ESSEN).postJson(actions, good.replace("\"education\"", "\"Education\"")), "theme");
        assertBadField(as(ESSEN).postJson(actions, good.replace("\"theme\"", "\"network\": \"Climate Action\", "
                + "\"theme\"")), "network");
        assertBadField(as(ESSEN).postJson(actions, good.replace("\"theme\"", "\"leadOrganisationId\": \"FREA\", "
                + "\"theme\"")), "leadOrganisationId");
        assertBadField(as(ESSEN).postJson(actions, good.replace("\"theme\"", "\"partnerOrganisationIds\": "
                + "[\"frea\", \"frea\"], \"theme\"")), "partnerOrganisationIds[1]");
        assertBadField(as(ESSEN).postJson(actions, good.replace("\"2020-06\"", "\"Summer 2020\"")), "plannedFrom");
        assertBadField(as(ESSEN).postJson(actions, good.replace("\"2020-06\"", "\"1899-06\"")), "plannedFrom");
        assertBadField(as(ESSEN).postJson(actions, good.replace("\"2020-08\"", "\"2020-05-31\"")), "plannedTo");
        assertBadField(as(ESSEN).postJson(actions, good.replace("\"theme\"", "\"format\": \"online\", \"theme\"")),
                "format");
        assertBadField(as(ESSEN).postJson(actions, good.replace("\"theme\"", "\"status\": \"COMPLETED\", \"theme\"")),
                "status");
        HttpResponse<String> unknownFocalPoint = as(ESSEN).postJson(actions, good.replace(focalPoint,
                UUID.randomUUID().toString()));
        assertThat(unknownFocalPoint.statusCode()).isEqualTo(422);
        assertThat(fields(unknownFocalPoint)).contains("focalPointId");
        String otherPartnershipsFocalPoint = focalPoint(partnership("Refusals, other"), 1, "Elsewhere");
        assertThat(as(ESSEN).postJson(actions, good.replace(focalPoint, otherPartnershipsFocalPoint)).statusCode())
                .isEqualTo(422);
        assertThat(ServiceHttp.json(http().get(actions)).path("items")).isEmpty();

        String location = as(ESSEN).postJson(actions, good).headers().firstValue("Location").orElseThrow();
        assertBadField(as(ESSEN).postJson(location + "/status", "{\"status\": \"DONE\"}"), "status");
        assertBadField(as(ESSEN).postJson(location + "/status", "{}"), "status");
        assertBadField(as(ESSEN).postJson(location + "/status", "{\"status\": \"POSTPONED\"}"), "reason");
        assertBadField(as(ESSEN).postJson(location + "/status", "{\"status\": \"POSTPONED\", \"reason\": \"COVID-19\","
                + " \"plannedFrom\": \"April 2021\"}"), "plannedFrom");
        assertBadField(as(ESSEN).postJson(location + "/status", "{\"status\": \"CANCELLED\", \"reason\": \"\"}"),
                "reason");
        assertBadField(as(ESSEN).postJson(location + "/format", "{\"reason\": \"COVID-19\"}"), "format");
        assertBadField(as(ESSEN).postJson(location + "/format", "{\"format\": \"ONLINE\"}"), "reason");
        assertBadField(patch(as(ESSEN), location, "{\"plannedTo\": \"2020-13\"}", null), "plannedTo");
        assertBadField(patch(as(ESSEN), location, "{\"title\": {\"en\": \"\"}}", null), "title.en");
        assertBadField(as(ESSEN).postJson(location + "/status", "{\"status\": \"UNDERWAY\"}", "If-Match", "one"),
                "If-Match");
        HttpResponse<String> badPatchFocalPoint = patch(as(ESSEN), location, "{\"focalPointId\": \""
                + UUID.randomUUID() + "\"}", null);
        assertThat(badPatchFocalPoint.statusCode()).isEqualTo(422);

        JsonNode stored = ServiceHttp.json(http().get(location));
        assertThat(stored.path("version").asLong()).isEqualTo(1);
        assertThat(stored.path("status").asString()).isEqualTo("PLANNED");
        assertThat(stored.path("history")).hasSize(1);
        assertThat(http().get(actions + "?limit=0").statusCode()).isEqualTo(400);
        assertThat(http().get(actions + "?cursor=made-up").statusCode()).isEqualTo(400);
        assertThat(http().get(actions + "?status=DONE").statusCode()).isEqualTo(400);
    }

    // Actions: history, If-Match, refused moves

    @Test
    void everyChangeIsKeptWithWhoWhenAndWhyAndStaleOrImpossibleChangesAreRefused() {
        String p = partnership("History");
        String focalPoint = focalPoint(p, 1, "Continued knowledge transfer & study tours");
        String location = as(KORIYAMA).postJson("/api/v1/partnerships/" + p + "/actions", action(focalPoint,
                "Study tour to Essen on Stadtwerke", "renewable-energy", "\"plannedFrom\": \"2019-08\", "
                + "\"format\": \"IN_PERSON\"")).headers().firstValue("Location").orElseThrow();

        HttpResponse<String> underway = as(ESSEN).postJson(location + "/status", "{\"status\": \"UNDERWAY\"}",
                "If-Match", "\"1\"");
        assertThat(underway.statusCode()).as(underway.body()).isEqualTo(200);
        assertThat(underway.headers().firstValue("ETag")).contains("\"2\"");
        HttpResponse<String> stale = as(ESSEN).postJson(location + "/status", "{\"status\": \"COMPLETED\"}",
                "If-Match", "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(as(ESSEN).postJson(location + "/status", "{\"status\": \"COMPLETED\"}", "If-Match", "W/\"2\"")
                .statusCode()).isEqualTo(412);
        assertThat(patch(as(ESSEN), location, "{\"theme\": \"education\"}", "\"1\"").statusCode()).isEqualTo(412);
        HttpResponse<String> done = as(ESSEN).postJson(location + "/status", "{\"status\": \"COMPLETED\"}",
                "If-Match", "\"2\"");
        assertThat(done.statusCode()).isEqualTo(200);

        HttpResponse<String> refused = as(ESSEN).postJson(location + "/status", "{\"status\": \"POSTPONED\", "
                + "\"reason\": \"COVID-19\"}", "If-Match", "\"3\"");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = ServiceHttp.json(refused);
        assertThat(problem.path("currentStatus").asString()).isEqualTo("COMPLETED");
        assertThat(problem.path("allowedStatuses")).isEmpty();
        assertThat(problem.path("detail").asString()).contains("COMPLETED");

        String second = as(KORIYAMA).postJson("/api/v1/partnerships/" + p + "/actions", action(focalPoint,
                "Business mission from Koriyama to Essen", "renewable-energy", "\"plannedFrom\": \"2020-02\""))
                .headers().firstValue("Location").orElseThrow();
        JsonNode fromPlanned = ServiceHttp.json(as(KORIYAMA).postJson(second + "/status",
                "{\"status\": \"COMPLETED\"}"));
        assertThat(fromPlanned.path("currentStatus").asString()).isEqualTo("PLANNED");
        assertThat(fromPlanned.path("allowedStatuses").valueStream().map(JsonNode::asString).toList())
                .containsExactly("UNDERWAY", "POSTPONED", "CANCELLED");

        JsonNode action = ServiceHttp.json(http().get(location));
        assertThat(action.path("version").asLong()).isEqualTo(3);
        JsonNode history = action.path("history");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).path("kind").asString()).isEqualTo("PLANNED");
        assertThat(history.get(0).path("by").path("subject").asString()).isEqualTo("koriyama");
        assertThat(history.get(0).path("by").path("organisationId").asString()).isEqualTo("city-of-koriyama");
        assertThat(history.get(1).path("from").asString()).isEqualTo("PLANNED");
        assertThat(history.get(1).path("to").asString()).isEqualTo("UNDERWAY");
        assertThat(history.get(2).path("to").asString()).isEqualTo("COMPLETED");
        assertThat(history.get(2).path("by").path("subject").asString()).isEqualTo("essen");
        assertThat(history.get(2).path("by").path("organisationId").asString()).isEqualTo("city-of-essen");
        assertThat(history.get(2).path("at").asString()).isNotBlank();

        HttpResponse<String> edited = patch(http(), second, "{\"title\": {\"en\": \"Business mission from Koriyama "
                + "to Essen\", \"de\": \"Wirtschaftsmission aus Koriyama\"}}", "\"1\"");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        JsonNode editedAction = ServiceHttp.json(edited);
        assertThat(editedAction.path("title").path("de").asString()).isEqualTo("Wirtschaftsmission aus Koriyama");
        assertThat(editedAction.path("history").get(1).path("kind").asString()).isEqualTo("DETAILS");
        assertThat(editedAction.path("history").get(1).path("changedFields").get(0).asString()).isEqualTo("title");
        assertThat(editedAction.path("history").get(1).path("by").path("subject").asString()).isEqualTo("secretariat");
        assertThat(editedAction.path("history").get(1).path("by").path("organisationId").isNull()).isTrue();
    }

    @Test
    void twoChangesWithTheSameETagAtTheSameTimeOneWinsTheOtherGets412() throws Exception {
        String p = partnership("Races");
        String focalPoint = focalPoint(p, 2, "Organizing joint seminars & business matching events");
        String location = plan("/api/v1/partnerships/" + p + "/actions", focalPoint,
                "Participate in REIF Fukushima in Koriyama", "renewable-energy", "\"plannedFrom\": \"2020-10-28\"");
        for (int round = 0; round < 5; round++) {
            String etag = http().get(location).headers().firstValue("ETag").orElseThrow();
            String status = round % 2 == 0 ? "UNDERWAY" : "POSTPONED\", \"reason\": \"COVID-19";
            var executor = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<HttpResponse<String>>> calls = new ArrayList<>();
                for (CallerIdentity who : List.of(ESSEN, KORIYAMA)) {
                    calls.add(executor.submit(() -> as(who).postJson(location + "/status",
                            "{\"status\": \"" + status + "\"}", "If-Match", etag)));
                }
                List<Integer> codes = new ArrayList<>();
                for (var call : calls) {
                    codes.add(call.get().statusCode());
                }
                assertThat(codes).as("round " + round).containsExactlyInAnyOrder(200, 412);
            } finally {
                executor.shutdown();
            }
        }
        assertThat(ServiceHttp.json(http().get(location)).path("history")).hasSize(6);
    }

    // Events

    @Test
    void planningPostponingAndMovingOnlinePublishValidEventsKeyedByThePartnership() {
        String p = partnership("Events");
        String focalPoint = focalPoint(p, 3, "Academic internship & student exchange programs");
        String actions = "/api/v1/partnerships/" + p + "/actions";
        String scholars = as(KORIYAMA).postJson(actions, action(focalPoint, "Alfried Krupp pupils scholarship "
                + "programme: two scholars from Essen hosted in Koriyama", "education", "\"partnerOrganisationIds\": "
                + "[\"alfried-krupp-von-bohlen-und-halbach-stiftung\"]"), "X-Correlation-Id", "seed-scholars")
                .headers().firstValue("Location").orElseThrow();
        as(KORIYAMA).postJson(scholars + "/status", "{\"status\": \"POSTPONED\", \"reason\": \"Postponed to April "
                + "2021 or 2022 due to COVID-19\", \"plannedFrom\": \"2021-04\"}", "If-Match", "\"1\"");
        as(ESSEN).postJson(scholars + "/format", "{\"format\": \"ONLINE\", \"reason\": \"Online first\"}");

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.PARTNERSHIPS, p, 4);
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            EventEnvelope envelope = mapper.fromBytes(r.value());
            assertThat(new IntegrationEventSchemas(mapper).violations(envelope)).isEmpty();
            envelopes.add(envelope);
        }
        assertThat(envelopes).extracting(EventEnvelope::type).containsExactly("partnership.PartnershipEstablished",
                "partnership.ActionPlanned", "partnership.ActionStatusChanged", "partnership.ActionStatusChanged");
        EventEnvelope planned = envelopes.get(1);
        assertThat(planned.aggregateType()).isEqualTo("Action");
        assertThat(planned.aggregateId()).isEqualTo(p);
        assertThat(planned.aggregateVersion()).isEqualTo(1);
        assertThat(planned.correlationId()).isEqualTo("seed-scholars");
        assertThat(planned.payload().path("actionId").asString()).isEqualTo(id(scholars));
        assertThat(planned.payload().path("plannedFrom").isNull()).isTrue();
        JsonNode postponed = envelopes.get(2).payload();
        assertThat(postponed.path("from").asString()).isEqualTo("PLANNED");
        assertThat(postponed.path("to").asString()).isEqualTo("POSTPONED");
        assertThat(postponed.path("reason").asString()).isEqualTo("Postponed to April 2021 or 2022 due to COVID-19");
        assertThat(postponed.path("plannedFrom").asString()).isEqualTo("2021-04");
        assertThat(postponed.path("changedByOrganisationId").asString()).isEqualTo("city-of-koriyama");
        assertThat(postponed.has("bySubject")).isFalse();
        JsonNode online = envelopes.get(3).payload();
        assertThat(online.path("from").asString()).isEqualTo("POSTPONED");
        assertThat(online.path("to").asString()).isEqualTo("POSTPONED");
        assertThat(online.path("format").asString()).isEqualTo("ONLINE");
        assertThat(online.path("previousFormat").isNull()).isTrue();
        assertThat(envelopes.get(3).aggregateVersion()).isEqualTo(3);
    }

    // The seed

    @Test
    void theSeedsWholeActionPlanCanBeBuiltAndRead() {
        String p = partnership("Essen - Koriyama: Maximizing Urban Cooperation for the Future");
        String fp1 = focalPoint(p, 1, "Continued knowledge transfer & study tours");
        String fp2 = focalPoint(p, 2, "Organizing joint seminars & business matching events, participating in trade "
                + "fairs of renewable energy and medical device industry in each city");
        String fp3 = focalPoint(p, 3, "Academic internship & student exchange programs");
        String actions = "/api/v1/partnerships/" + p + "/actions";

        String studyTour = plan(actions, fp1, "Study tour to Essen on Stadtwerke", "renewable-energy",
                "\"plannedFrom\": \"2019-08\", \"format\": \"IN_PERSON\"");
        move(studyTour, "{\"status\": \"UNDERWAY\"}");
        move(studyTour, "{\"status\": \"COMPLETED\"}");
        String mission = plan(actions, fp1, "Business mission from Koriyama to one of the energy powerhouses in Essen",
                "renewable-energy", "\"plannedFrom\": \"2020-02\", \"format\": \"IN_PERSON\"");
        move(mission, "{\"status\": \"UNDERWAY\"}");
        move(mission, "{\"status\": \"COMPLETED\"}");
        String transfer = plan(actions, fp1, "Continued knowledge transfer on renewable energy and water management",
                "renewable-energy", "\"network\": \"climate-action-energy-water-and-air-quality\"");
        move(transfer, "{\"status\": \"UNDERWAY\"}");
        String seminar = plan(actions, fp2, "Joint presentation at Fukushima-NRW Renewable Energy Seminar in "
                + "Düsseldorf", "renewable-energy", "\"plannedFrom\": \"2020-02\", \"format\": \"IN_PERSON\"");
        move(seminar, "{\"status\": \"UNDERWAY\"}");
        move(seminar, "{\"status\": \"COMPLETED\"}");
        String eworld2020 = plan(actions, fp2, "Participate in E-world energy & water 2020", "renewable-energy",
                "\"plannedFrom\": \"2020-02\", \"format\": \"IN_PERSON\"");
        move(eworld2020, "{\"status\": \"UNDERWAY\"}");
        move(eworld2020, "{\"status\": \"COMPLETED\"}");
        plan(actions, fp2, "Participate in E-world energy & water 2021 in Essen", "renewable-energy", "");
        plan(actions, fp2, "Participate in REIF Fukushima in Koriyama", "renewable-energy",
                "\"plannedFrom\": \"2020-10-28\", \"plannedTo\": \"2020-10-29\"");
        String matching = plan(actions, fp2, "Joint online matching event: innovations in the age of coronavirus",
                "medical-devices", "\"plannedFrom\": \"2020-11\", \"format\": \"ONLINE\"");
        move(matching, "{\"status\": \"UNDERWAY\"}");
        move(matching, "{\"status\": \"COMPLETED\"}");
        String exchange = plan(actions, fp3, "Student exchange programme on Education for Sustainable Development and "
                + "STEM Education", "education", "\"partnerOrganisationIds\": [\"fukushima-prefectural-asaka-high-"
                + "school\", \"gymnasium-an-der-wolfskuhle\"], \"plannedFrom\": \"2020\", \"format\": \"IN_PERSON\""
                .replace("\"2020\"", "\"2020-04\", \"plannedTo\": \"2021-03\""));
        HttpResponse<String> online = as(KORIYAMA).postJson(exchange + "/format", "{\"format\": \"ONLINE\", "
                + "\"reason\": \"Online exchange programme on SDGs, energy transition, Green Deal, etc. for the FY2020;"
                + " in-person exchanges hopefully in the FY 2021\"}");
        assertThat(online.statusCode()).as(online.body()).isEqualTo(200);
        String internship = plan(actions, fp3, "Internship programme between the Faculty of Medicine, Duisburg-Essen "
                + "University and the Southern Tohoku General Hospital", "education", "\"partnerOrganisationIds\": "
                + "[\"faculty-of-medicine-duisburg-essen\", \"southern-tohoku-general-hospital\"], "
                + "\"plannedFrom\": \"2020-06\", \"plannedTo\": \"2020-08\", \"format\": \"IN_PERSON\"");
        move(internship, "{\"status\": \"POSTPONED\", \"reason\": \"Postponed due to COVID-19\"}");
        String scholars = plan(actions, fp3, "Two 17-year-old scholars from Essen hosted in Koriyama on the Alfried "
                + "Krupp pupils scholarship programme for practical business training", "education",
                "\"partnerOrganisationIds\": [\"alfried-krupp-von-bohlen-und-halbach-stiftung\"]");
        move(scholars, "{\"status\": \"POSTPONED\", \"reason\": \"Postponed to April 2021 or 2022 due to COVID-19\", "
                + "\"plannedFrom\": \"2021-04\"}");

        JsonNode all = ServiceHttp.json(anonymous().get(actions + "?limit=200")).path("items");
        assertThat(all).hasSize(11);
        JsonNode postponed = ServiceHttp.json(anonymous().get(actions + "?status=POSTPONED")).path("items");
        assertThat(postponed.valueStream().map(a -> a.path("statusReason").asString()).toList())
                .containsExactlyInAnyOrder("Postponed due to COVID-19",
                        "Postponed to April 2021 or 2022 due to COVID-19");
        JsonNode scholarsRead = ServiceHttp.json(anonymous().get(scholars));
        assertThat(scholarsRead.path("plannedFrom").asString()).isEqualTo("2021-04");
        JsonNode internshipRead = ServiceHttp.json(anonymous().get(internship));
        assertThat(internshipRead.path("plannedFrom").asString()).isEqualTo("2020-06");
        assertThat(internshipRead.path("plannedTo").asString()).isEqualTo("2020-08");
        JsonNode exchangeRead = ServiceHttp.json(anonymous().get(exchange));
        assertThat(exchangeRead.path("format").asString()).isEqualTo("ONLINE");
        assertThat(exchangeRead.path("status").asString()).isEqualTo("PLANNED");
        assertThat(exchangeRead.path("history").get(1).path("kind").asString()).isEqualTo("FORMAT");
        assertThat(exchangeRead.path("history").get(1).path("from").asString()).isEqualTo("IN_PERSON");
        assertThat(ServiceHttp.json(anonymous().get(actions + "?focalPointId=" + fp3)).path("items")).hasSize(3);
        assertThat(ServiceHttp.json(anonymous().get(actions + "?status=COMPLETED&focalPointId=" + fp2))
                .path("items")).hasSize(3);

        // Paging: 4 pages of 3, every action once.
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = ServiceHttp.json(anonymous().get(actions + "?limit=3"
                    + (next == null ? "" : "&cursor=" + next)));
            page.path("items").forEach(a -> seen.add(a.path("id").asString()));
            next = page.path("next").isNull() ? null : page.path("next").asString();
        } while (next != null);
        assertThat(seen).hasSize(11).doesNotHaveDuplicates();

        gauges.refresh();
        String metrics = http().get("/actuator/prometheus").body();
        assertThat(metrics).contains("# HELP ucp_actions ", "# HELP ucp_actions_overdue ");
        assertThat(gauge(metrics, "ucp_actions", "status=\"POSTPONED\"")).isGreaterThanOrEqualTo(2);
        assertThat(gauge(metrics, "ucp_actions", "status=\"COMPLETED\"")).isGreaterThanOrEqualTo(5);
        // Overdue today: the internship (summer 2020), the scholars (April 2021), REIF Fukushima (Oct 2020), the
        // FY2020 exchange (ended March 2021).
        assertThat(gauge(metrics, "ucp_actions_overdue", "")).isGreaterThanOrEqualTo(4);
    }

    // Helpers

    String partnership(String name) {
        HttpResponse<String> created = http().postJson("/api/v1/partnerships",
                PartnershipApiTest.ESSEN_KORIYAMA.formatted(name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ServiceHttp.json(created).path("id").asString();
    }

    String focalPoint(String partnership, int number, String title) {
        HttpResponse<String> created = as(KORIYAMA).postJson("/api/v1/partnerships/" + partnership + "/focal-points",
                "{\"number\": " + number + ", \"title\": {\"en\": \"" + title + "\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ServiceHttp.json(created).path("id").asString();
    }

    static String action(String focalPoint, String title, String theme, String more) {
        return "{\"focalPointId\": \"" + focalPoint + "\", \"title\": {\"en\": \"" + title + "\"}, \"theme\": \""
                + theme + "\"" + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    String plan(String actions, String focalPoint, String title, String theme, String more) {
        HttpResponse<String> created = as(KORIYAMA).postJson(actions, action(focalPoint, title, theme, more));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    void move(String action, String body) {
        HttpResponse<String> moved = as(ESSEN).postJson(action + "/status", body);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }

    static HttpResponse<String> patch(ServiceHttp client, String path, String json, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return client.send(request);
    }

    static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static List<String> fields(HttpResponse<String> response) {
        return ServiceHttp.json(response).path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    static void assertBadField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(field);
    }

    /** The value of the series {@code name{...label...}} (the service adds its application tag). */
    static double gauge(String metrics, String name, String label) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1).trim())).findFirst()
                .orElse(-1);
    }

}
