package org.urbancooperation.events.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.contracts.partnership.OrganisationRegistered;
import org.urbancooperation.contracts.partnership.ProgrammeRegistered;
import org.urbancooperation.events.cooperationevent.metrics.CooperationEventGauges;
import org.urbancooperation.events.cooperationevent.persistence.KnownPartnerships;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.PaginationCheck;
import org.urbancooperation.support.testing.SampleEvents;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * event-service over HTTP, with the Mongo server and an embedded KRaft broker carrying partnership-service's events
 * (partnerships, organisations, programmes), which this test publishes itself.
 */
class CooperationEventApiTest extends ServiceApiTest {

    /** A seminar of the Essen–Koriyama partnership, typed as local times on Berlin's clocks. */
    static final String SEMINAR = """
            {"kind": "SEMINAR", "format": "HYBRID", "title": "Fukushima-NRW Renewable Energy Seminar",
             "venue": {"name": "Düsseldorf", "city": "Düsseldorf"},
             "organisers": ["energy-agency-nrw"], "partnershipIds": ["%s"],
             "timeZone": "Europe/Berlin", "timeZones": ["Asia/Tokyo"],
             "startsAt": "2020-02-10T10:00", "endsAt": "2020-02-10T17:00",
             "languages": ["de", "ja"], "capacity": 80}""";

    static final String ESTABLISHED = "partnership.PartnershipEstablished";
    static final Path DEMO = Path.of("../deploy/local/demo-data");
    static final Path HUNDRED_CITIES = DEMO.resolve("eu-japan-100-cities.json");

    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Autowired
    MeterRegistry meters;
    @Autowired
    KnownPartnerships knownPartnerships;
    @Autowired
    CooperationEventGauges gauges;

    @Test
    void partnersCreateDraftsOfTheirOwnAndEverybodyReadsThemOncePublished() {
        UUID partnershipId = knownPartnership();
        registerOrganisations("energy-agency-nrw");
        String request = SEMINAR.formatted(partnershipId);

        HttpResponse<String> byEssen = as(TestIdentities.ESSEN).postJson("/api/v1/events", request);
        assertThat(byEssen.statusCode()).as("a partner of the partnership: " + byEssen.body()).isEqualTo(201);
        assertThat(as(TestIdentities.DUESSELDORF).postJson("/api/v1/events", request).statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.HYDROGEN).postJson("/api/v1/events", request).statusCode()).isEqualTo(403);
        assertThat(anonymous().postJson("/api/v1/events", request).statusCode()).isEqualTo(401);
        assertThat(http().postJson("/api/v1/events", request).statusCode()).as("operators").isEqualTo(201);

        JsonNode draft = ServiceHttp.json(byEssen);
        String location = byEssen.headers().firstValue("Location").orElseThrow();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(byEssen.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(draft.path("startsAt").asString()).isEqualTo("2020-02-10T09:00:00Z");
        assertThat(anonymous().get(location).statusCode()).as("a draft is the organisers' own").isEqualTo(404);
        assertThat(as(TestIdentities.DUESSELDORF).get(location).statusCode()).isEqualTo(404);
        assertThat(as(TestIdentities.KORIYAMA).get(location).statusCode()).as("the other partner").isEqualTo(200);
        assertThat(titles(anonymous().get("/api/v1/events?partnershipId=" + partnershipId))).isEmpty();
        assertThat(titles(as(TestIdentities.ESSEN).get("/api/v1/events?partnershipId=" + partnershipId)))
                .as("drafts of the organisation the reader works for are not listed: only its organisers'")
                .isEmpty();
        assertThat(titles(http().get("/api/v1/events?partnershipId=" + partnershipId))).hasSize(2);

        assertThat(anonymous().postJson(location + "/publish", "").statusCode()).isEqualTo(401);
        assertThat(as(TestIdentities.DUESSELDORF).postJson(location + "/publish", "").statusCode()).isEqualTo(404);
        assertThat(as(TestIdentities.ESSEN).postJson(location + "/publish", "", "If-Match", "\"7\"").statusCode())
                .as("stale If-Match").isEqualTo(412);
        HttpResponse<String> published = as(TestIdentities.ESSEN).postJson(location + "/publish", "", "If-Match",
                "\"1\"", "X-Correlation-Id", "publish-1");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(published.headers().firstValue("ETag")).contains("\"2\"");

        assertThat(anonymous().get(location).statusCode()).isEqualTo(200);
        assertThat(titles(anonymous().get("/api/v1/events?partnershipId=" + partnershipId)))
                .containsExactly("Fukushima-NRW Renewable Energy Seminar");
        assertThat(as(TestIdentities.DUESSELDORF).postJson(location + "/cancel", "{\"reason\": \"no\"}").statusCode())
                .as("public now, but not theirs").isEqualTo(403);

        HttpResponse<String> again = as(TestIdentities.ESSEN).postJson(location + "/publish", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(ServiceHttp.json(again).path("currentStatus").asString()).isEqualTo("PUBLISHED");

        String id = draft.path("id").asString();
        Map<String, EventEnvelope> announced = byType(id, 4);
        assertThat(announced).containsOnlyKeys("events.CooperationEventPublished", "events.CooperationEventScheduled",
                "events.CooperationEventScheduled v2", "events.AgendaVersionPublished");
        JsonNode scheduledV2 = announced.get("events.CooperationEventScheduled v2").payload();
        assertThat(strings(scheduledV2.path("partnershipIds"))).containsExactly(partnershipId.toString());
        assertThat(scheduledV2.path("kind").asString()).isEqualTo("SEMINAR");
        assertThat(scheduledV2.path("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(announced.get("events.AgendaVersionPublished").payload().path("sessions").asInt()).isZero();
        EventEnvelope scheduled = announced.get("events.CooperationEventScheduled");
        assertThat(scheduled.aggregateVersion()).isEqualTo(2);
        assertThat(scheduled.correlationId()).isEqualTo("publish-1");
        assertThat(scheduled.payload().path("partnershipId").asString()).isEqualTo(partnershipId.toString());
        assertThat(scheduled.payload().path("format").asString()).isEqualTo("SEMINAR");
        assertThat(strings(scheduled.payload().path("timeZones"))).containsExactly("Europe/Berlin", "Asia/Tokyo");
        JsonNode publishedEvent = announced.get("events.CooperationEventPublished").payload();
        assertThat(publishedEvent.path("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(strings(publishedEvent.path("organisers"))).containsExactly("energy-agency-nrw");
        assertThat(publishedEvent.path("startsAt").asString()).isEqualTo("2020-02-10T09:00:00Z");

        HttpResponse<String> badReason = as(TestIdentities.ESSEN).postJson(location + "/postpone",
                "{\"startsAt\": \"2020-02-17T10:00\", \"endsAt\": \"2020-02-17T17:00\", \"reason\": \"\\u0000\"}");
        assertThat(fields(badReason)).as(badReason.body()).containsExactly("reason");
        assertThat(as(TestIdentities.ESSEN).postJson(location + "/reschedule", "{\"startsAt\": \"2020-02-10T10:00\", "
                + "\"endsAt\": \"2020-02-10T17:00\", \"reason\": \"x\"}").statusCode()).as("no reason to reschedule")
                .isEqualTo(400);
        HttpResponse<String> postponed = as(TestIdentities.ESSEN).postJson(location + "/postpone",
                "{\"startsAt\": \"2020-02-17T10:00\", \"endsAt\": \"2020-02-17T17:00\", \"reason\": \"Room taken\"}");
        assertThat(postponed.statusCode()).as(postponed.body()).isEqualTo(200);
        assertThat(ServiceHttp.json(postponed).path("status").asString()).isEqualTo("POSTPONED");
        HttpResponse<String> cancelled = as(TestIdentities.ESSEN).postJson(location + "/cancel",
                "{\"reason\": \"COVID-19 travel restrictions\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        HttpResponse<String> tooLate = as(TestIdentities.ESSEN).postJson(location + "/complete", "");
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(ServiceHttp.json(tooLate).path("currentStatus").asString()).isEqualTo("CANCELLED");
        Map<String, EventEnvelope> all = byType(id, 6);
        EventEnvelope postponement = all.get("events.CooperationEventPostponed");
        assertThat(postponement.payload().path("previousStartsAt").asString()).isEqualTo("2020-02-10T09:00:00Z");
        assertThat(postponement.payload().path("startsAt").asString()).isEqualTo("2020-02-17T09:00:00Z");
        assertThat(postponement.payload().path("reason").asString()).isEqualTo("Room taken");
        EventEnvelope cancellation = all.get("events.CooperationEventCancelled");
        assertThat(cancellation.aggregateVersion()).isEqualTo(4);
        assertThat(cancellation.payload().path("reason").asString()).isEqualTo("COVID-19 travel restrictions");
    }

    /**
     * Every endpoint for every role, on a published event of the Essen–Koriyama partnership organised by the Energy
     * Agency NRW: operators, the organiser's staff and the partnership's partners change it; other partners and
     * businesses may not (403), anonymous callers must sign in (401); everybody reads it.
     */
    @Test
    void everyEndpointForEveryRole() {
        UUID partnershipId = knownPartnership();
        registerOrganisations("energy-agency-nrw");
        HttpResponse<String> created = http().postJson("/api/v1/events", SEMINAR.formatted(partnershipId));
        String event = created.headers().firstValue("Location").orElseThrow();
        String agenda = """
                {"sessions": [{"kind": "KEYNOTE", "titles": {"en": "Hydrogen in NRW"},
                  "startsAt": "2020-02-10T10:00", "endsAt": "2020-02-10T11:00"}]}""";
        assertThat(put(event + "/agenda", agenda, "\"1\"").statusCode()).isEqualTo(200);
        assertThat(http().postJson(event + "/publish", "").statusCode()).isEqualTo(200);
        String times = "{\"startsAt\": \"2020-02-10T10:00\", \"endsAt\": \"2020-02-10T17:00\"}";

        Map<String, ServiceHttp> callers = new java.util.LinkedHashMap<>();
        callers.put("operator", http());
        callers.put("organiser", as(org.urbancooperation.contracts.identity.CallerIdentity.partner("nrw",
                "energy-agency-nrw", "jwt")));
        callers.put("partnership partner", as(TestIdentities.ESSEN));
        callers.put("other partner", as(TestIdentities.DUESSELDORF));
        callers.put("business", as(TestIdentities.HYDROGEN));
        callers.put("anonymous", anonymous());
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        Map<String, Integer> actual = new java.util.LinkedHashMap<>();
        callers.forEach((who, caller) -> {
            boolean mayChange = List.of("operator", "organiser", "partnership partner").contains(who);
            int change = who.equals("anonymous") ? 401 : mayChange ? 200 : 403;
            int refusedOnly = who.equals("anonymous") ? 401 : 403;
            for (String read : List.of("", "/agenda", "/agenda/versions", "/agenda/versions/1")) {
                expected.put(who + " GET event" + read, 200);
                actual.put(who + " GET event" + read, caller.get(event + read).statusCode());
            }
            expected.put(who + " GET list", 200);
            actual.put(who + " GET list", caller.get("/api/v1/events?partnershipId=" + partnershipId).statusCode());
            expected.put(who + " GET agenda/draft", change);
            actual.put(who + " GET agenda/draft", caller.get(event + "/agenda/draft").statusCode());
            expected.put(who + " PUT agenda", change);
            actual.put(who + " PUT agenda", caller.send(java.net.http.HttpRequest.newBuilder(caller.uri(event
                    + "/agenda")).header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(agenda))).statusCode());
            expected.put(who + " PATCH event", change);
            actual.put(who + " PATCH event", patch(caller, event, "{\"capacity\": 90}", null).statusCode());
            expected.put(who + " POST reschedule", change);
            actual.put(who + " POST reschedule", caller.postJson(event + "/reschedule", times).statusCode());
            if (!mayChange) {
                // Refused before anything is looked at; the allowed moves are tested in the lifecycle tests.
                expected.put(who + " POST event", refusedOnly);
                actual.put(who + " POST event", caller.postJson("/api/v1/events", SEMINAR.formatted(partnershipId))
                        .statusCode());
                for (String command : List.of("/publish", "/agenda/publish", "/complete")) {
                    expected.put(who + " POST" + command, refusedOnly);
                    actual.put(who + " POST" + command, caller.postJson(event + command, "").statusCode());
                }
                expected.put(who + " POST postpone", refusedOnly);
                actual.put(who + " POST postpone", caller.postJson(event + "/postpone",
                        times.replace("}", ", \"reason\": \"x\"}")).statusCode());
                expected.put(who + " POST cancel", refusedOnly);
                actual.put(who + " POST cancel", caller.postJson(event + "/cancel", "{\"reason\": \"x\"}")
                        .statusCode());
            }
        });
        assertThat(actual).isEqualTo(expected);
        assertThat(ServiceHttp.json(anonymous().get(event)).path("status").asString()).isEqualTo("PUBLISHED");
    }

    /**
     * Details change by JSON merge patch: quietly while a draft, announced once public; times only through reschedule;
     * nobody hands an event to organisations they do not work for; ended events do not change.
     */
    @Test
    void detailsChangeByMergePatchAndAPublicChangeIsAnnounced() {
        UUID partnershipId = knownPartnership();
        registerOrganisations("energy-agency-nrw");
        ServiceHttp essen = as(TestIdentities.ESSEN);
        HttpResponse<String> created = essen.postJson("/api/v1/events", SEMINAR.formatted(partnershipId));
        String event = created.headers().firstValue("Location").orElseThrow();
        String id = ServiceHttp.json(created).path("id").asString();

        HttpResponse<String> retitled = patch(essen, event, "{\"title\": \"Fukushima-NRW Seminar\", "
                + "\"startsAt\": \"2020-02-10T10:00\", \"materials\": [{\"title\": \"Programme (PDF)\", "
                + "\"url\": \"https://example.org/programme.pdf\", \"language\": \"en\", "
                + "\"mediaType\": \"application/pdf\", \"sizeBytes\": 919210}]}", "\"1\"");
        assertThat(retitled.statusCode()).as("an unchanged startsAt may come along: " + retitled.body())
                .isEqualTo(200);
        assertThat(retitled.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(patch(essen, event, "{\"descriptions\": {}}", "\"2\"").headers().firstValue("ETag"))
                .as("{} is no description, as before: nothing changed").contains("\"2\"");
        JsonNode changed = ServiceHttp.json(retitled);
        assertThat(changed.path("descriptions").isObject() && changed.path("descriptions").isEmpty())
                .as("no descriptions: {} as always").isTrue();
        JsonNode described = ServiceHttp.json(patch(essen, event, "{\"descriptions\": {\"ja\": \"再生可能エネルギー\", "
                + "\"en\": \"Renewable energy\"}}", null));
        assertThat(described.path("descriptions").path("en").asString()).isEqualTo("Renewable energy");
        assertThat(described.path("descriptions").path("ja").asString()).isEqualTo("再生可能エネルギー");
        assertThat(changed.path("title").asString()).isEqualTo("Fukushima-NRW Seminar");
        assertThat(changed.path("capacity").asInt()).as("absent: kept").isEqualTo(80);
        assertThat(changed.path("materials").get(0).path("sizeBytes").asLong()).isEqualTo(919_210L);
        assertThat(ServiceHttp.json(essen.get(event)).path("materials").get(0).path("mediaType").asString())
                .isEqualTo("application/pdf");
        assertThat(patch(essen, event, "{\"capacity\": 81}", "\"1\"").statusCode()).as("stale If-Match")
                .isEqualTo(412);

        HttpResponse<String> moved = patch(essen, event, "{\"startsAt\": \"2020-02-10T11:00\"}", null);
        assertThat(moved.statusCode()).isEqualTo(400);
        assertThat(fields(moved)).containsExactly("startsAt");
        assertThat(ServiceHttp.json(moved).path("detail").asString()).contains("/reschedule");
        assertThat(fields(patch(essen, event, "{\"title\": null}", null))).containsExactly("title");
        assertThat(fields(patch(essen, event, "{\"colour\": \"red\"}", null))).containsExactly("colour");
        assertThat(fields(patch(essen, event, "{\"format\": \"ONLINE\"}", null))).contains("venue");
        HttpResponse<String> unknown = patch(essen, event, "{\"organisers\": [\"nobody-knows\"]}", null);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(fields(unknown)).containsExactly("organisers[0]");
        assertThat(patch(essen, event, "{\"partnershipIds\": null}", null).statusCode())
                .as("Essen would hand the event to the Energy Agency NRW alone").isEqualTo(403);
        assertThat(patch(as(TestIdentities.DUESSELDORF), event, "{\"capacity\": 81}", null).statusCode())
                .as("somebody else's draft does not exist").isEqualTo(404);

        HttpResponse<String> online = patch(essen, event, "{\"format\": \"ONLINE\", \"venue\": null, "
                + "\"onlineLink\": \"https://example.org/live/seminar\"}", null);
        assertThat(online.statusCode()).as(online.body()).isEqualTo(200);
        assertThat(ServiceHttp.json(online).path("venue").isNull()).isTrue();

        assertThat(essen.postJson(event + "/publish", "").statusCode()).isEqualTo(200);
        HttpResponse<String> publicChange = patch(essen, event, "{\"capacity\": 120}", null);
        assertThat(publicChange.statusCode()).as(publicChange.body()).isEqualTo(200);
        HttpResponse<String> unchanged = patch(essen, event, "{\"capacity\": 120}", null);
        assertThat(unchanged.headers().firstValue("ETag")).as("nothing to change: no new version")
                .isEqualTo(publicChange.headers().firstValue("ETag"));
        assertThat(essen.postJson(event + "/cancel", "{\"reason\": \"COVID-19\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> tooLate = patch(essen, event, "{\"capacity\": 10}", null);
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(ServiceHttp.json(tooLate).path("currentStatus").asString()).isEqualTo("CANCELLED");

        List<EventEnvelope> announced = envelopes(id, 6);
        assertThat(announced).extracting(EventEnvelope::type).as("the draft's changes told no one").containsExactly(
                "events.CooperationEventPublished", "events.CooperationEventScheduled",
                "events.CooperationEventScheduled", "events.AgendaVersionPublished", "events.CooperationEventChanged",
                "events.CooperationEventCancelled");
        assertThat(announced).extracting(EventEnvelope::version).containsExactly(1, 1, 2, 1, 1, 1);
        JsonNode change = announced.get(4).payload();
        assertThat(change.path("capacity").asInt()).isEqualTo(120);
        assertThat(change.path("format").asString()).isEqualTo("ONLINE");
        assertThat(change.path("title").asString()).isEqualTo("Fukushima-NRW Seminar");
        assertThat(change.path("startsAt").asString()).isEqualTo("2020-02-10T09:00:00Z");
    }

    /**
     * The list's filters, each alone and with cursor pagination: city (the event's cities or its venue's, any case),
     * programme, language, and a span of local days in a zone or of instants, matched by overlap.
     */
    @Test
    void filtersFindEventsByCityProgrammeLanguageAndTheLocalDaysOfAZone() {
        UUID partnershipId = knownPartnership();
        registerOrganisations("energy-agency-nrw");
        registerProgramme("iurc");
        String template = """
                {"kind": "%s", "title": "%s", "organisers": ["energy-agency-nrw"], "partnershipIds": ["%s"],
                 %s "timeZone": "%s", "startsAt": "%s", "endsAt": "%s", "languages": %s}""";
        java.util.function.Function<String[], String> create = a -> {
            HttpResponse<String> created = http().postJson("/api/v1/events", template.formatted(a[0], a[1],
                    partnershipId, a[2], a[3], a[4], a[5], a[6]));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(http().postJson(created.headers().firstValue("Location").orElseThrow() + "/publish", "")
                    .statusCode()).isEqualTo(200);
            return a[1];
        };
        String hundredCities = create.apply(new String[] {"CONFERENCE", "100 Cities", "\"programmeId\": \"iurc\", "
                + "\"cities\": [\"Kyoto\", \"Zagreb\"],", "Europe/Brussels", "2023-01-25T09:00", "2023-01-25T12:00",
                "[\"en\", \"ja\"]"});
        String seminar = create.apply(new String[] {"SEMINAR", "Seminar", "\"venue\": {\"name\": \"Stadttor\", "
                + "\"city\": \"Düsseldorf\"},", "Europe/Berlin", "2020-02-10T10:00", "2020-02-10T17:00",
                "[\"de\", \"ja\"]"});
        String reif = create.apply(new String[] {"TRADE_FAIR", "REIF", "\"cities\": [\"Koriyama\"],", "Asia/Tokyo",
                "2020-10-28T10:00", "2020-10-29T17:00", "[\"ja\"]"});
        // 23:30-01:00 in Brussels: the 25th there, already the 26th in Tokyo (07:30-09:00 JST).
        String lateNight = create.apply(new String[] {"WEBINAR", "Late night", "", "Europe/Brussels",
                "2023-01-25T23:30", "2023-01-26T01:00", "[\"en\"]"});
        String list = "/api/v1/events?partnershipId=" + partnershipId + "&";

        assertThat(titles(anonymous().get(list + "city=koriyama"))).containsExactly(reif);
        assertThat(titles(anonymous().get(list + "city=D%C3%9CSSELDORF"))).as("the venue's city, any case")
                .containsExactly(seminar);
        assertThat(titles(anonymous().get(list + "programme=iurc"))).containsExactly(hundredCities);
        assertThat(titles(anonymous().get(list + "language=de"))).containsExactly(seminar);
        assertThat(titles(anonymous().get(list + "language=ja&city=kyoto"))).containsExactly(hundredCities);
        assertThat(titles(anonymous().get(list + "from=2023-01-25&to=2023-01-25&tz=Asia/Tokyo")))
                .as("17:00-20:00 JST on the 25th; the late-night webinar is the 26th in Tokyo")
                .containsExactly(hundredCities);
        assertThat(titles(anonymous().get(list + "from=2023-01-25&to=2023-01-25&tz=Europe/Brussels")))
                .containsExactlyInAnyOrder(hundredCities, lateNight);
        assertThat(titles(anonymous().get(list + "from=2023-01-26&to=2023-01-26&tz=Asia/Tokyo")))
                .containsExactly(lateNight);
        assertThat(titles(anonymous().get(list + "from=2020-10-29&to=2020-10-29&tz=Europe/Berlin")))
                .as("the second day of a two-day fair").containsExactly(reif);
        assertThat(titles(anonymous().get(list + "to=2020-02-10T09:00:00Z"))).as("to is exclusive").isEmpty();
        assertThat(titles(anonymous().get(list + "to=2020-02-10T10:00:01%2B01:00"))).containsExactly(seminar);
        assertThat(titles(anonymous().get(list + "from=2023-01-25T11:00:00Z"))).as("from: still running then")
                .containsExactly(lateNight);

        List<String> walked = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = ServiceHttp.json(anonymous().get(list + "language=ja&from=2020-01-01&tz=Asia/Tokyo&limit=1"
                    + (next == null ? "" : "&cursor=" + next)));
            page.path("items").forEach(e -> walked.add(e.path("title").asString()));
            next = page.path("next").isNull() ? null : page.path("next").asString();
        } while (next != null);
        assertThat(walked).containsExactlyInAnyOrder(hundredCities, seminar, reif);

        assertThat(fields(anonymous().get(list + "from=2023-01-25"))).containsExactly("tz", "from");
        assertThat(fields(anonymous().get(list + "from=2023-02-30&tz=Asia/Tokyo"))).containsExactly("from");
        assertThat(fields(anonymous().get(list + "to=yesterday"))).containsExactly("to");
        assertThat(fields(anonymous().get(list + "from=2023-01-26&to=2023-01-24&tz=Asia/Tokyo")))
                .containsExactly("to", "from");
        assertThat(fields(anonymous().get(list + "language=xx"))).containsExactly("language");
        assertThat(fields(anonymous().get(list + "programme=IURC%21"))).containsExactly("programme");
        assertThat(fields(anonymous().get(list + "city=%20"))).containsExactly("city");
        HttpResponse<String> badZone = anonymous().get(list + "from=2023-01-25&tz=Tokyo");
        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(badZone.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(fields(badZone)).containsExactly("tz");
    }

    /** Where a source gives only days or months, the event spans them on its own clocks and says so. */
    @Test
    void theGaugeOfEventsByStatusAndKindCountsAgainSoonAfterAPublication() {
        UUID partnershipId = knownPartnership();
        String visit = """
                {"kind": "SITE_VISIT", "title": "Site visit in Koriyama", "partnershipIds": ["%s"],
                 "timeZone": "Asia/Tokyo", "startsAt": "2019-05", "endsAt": "2019-05"}""".formatted(partnershipId);
        HttpResponse<String> created = http().postJson("/api/v1/events", visit);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        // Counted now, on this thread: what the other tests stored is in the baseline, whatever their timing.
        gauges.refresh();
        double drafts = siteVisits("DRAFT");
        double published = siteVisits("PUBLISHED");

        assertThat(http().postJson(created.headers().firstValue("Location").orElseThrow() + "/publish", "")
                .statusCode()).isEqualTo(200);
        // Not refreshed here: the service asks for a recount after the change, well before the 30 s interval.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(siteVisits("PUBLISHED")).isEqualTo(published + 1);
            assertThat(siteVisits("DRAFT")).isEqualTo(drafts - 1);
        });
    }

    private double siteVisits(String status) {
        return meters.get("ucp_cooperation_events").tag("status", status).tag("kind", "SITE_VISIT").gauge().value();
    }

    @Test
    void eventsKnownOnlyToTheDayOrMonthSaySo() {
        UUID partnershipId = knownPartnership();
        String reif = """
                {"kind": "TRADE_FAIR", "title": "REIF Fukushima 2020", "partnershipIds": ["%s"],
                 "venue": {"name": "Koriyama", "city": "Koriyama"}, "timeZone": "Asia/Tokyo",
                 "startsAt": "2020-10-28", "endsAt": "2020-10-29"}""".formatted(partnershipId);
        HttpResponse<String> created = http().postJson("/api/v1/events", reif);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode days = ServiceHttp.json(created);
        assertThat(days.path("timePrecision").asString()).isEqualTo("DAY");
        assertThat(days.path("startDate").asString()).isEqualTo("2020-10-28");
        assertThat(days.path("endDate").asString()).isEqualTo("2020-10-29");
        assertThat(days.path("startsAt").asString()).isEqualTo("2020-10-27T15:00:00Z");
        assertThat(days.path("endsAt").asString()).isEqualTo("2020-10-29T15:00:00Z");
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(patch(http(), location, "{\"startsAt\": \"2020-10-28\", \"endsAt\": \"2020-10-29\", "
                + "\"capacity\": 500}", null).statusCode()).as("the same days sent back").isEqualTo(200);
        assertThat(fields(patch(http(), location, "{\"endsAt\": \"2020-10-30\"}", null))).containsExactly("endsAt");
        assertThat(http().postJson(location + "/publish", "").statusCode()).isEqualTo(200);
        assertThat(titles(anonymous().get("/api/v1/events?partnershipId=" + partnershipId
                + "&from=2020-10-29&to=2020-10-29&tz=Asia/Tokyo"))).containsExactly("REIF Fukushima 2020");
        Map<String, EventEnvelope> announced = byType(days.path("id").asString(), 4);
        assertThat(announced.get("events.CooperationEventPublished").payload().path("timePrecision").asString())
                .isEqualTo("DAY");
        assertThat(announced.get("events.CooperationEventScheduled v2").payload().path("timePrecision").asString())
                .as("a calendar can show it as whole days").isEqualTo("DAY");
        assertThat(titles(anonymous().get("/api/v1/events?partnershipId=" + partnershipId
                + "&from=2020-10-30&tz=Asia/Tokyo"))).isEmpty();

        String tour = """
                {"kind": "STUDY_TOUR", "title": "Study tour to Essen on Stadtwerke", "partnershipIds": ["%s"],
                 "timeZone": "Europe/Berlin", "startsAt": "2019-08", "endsAt": "2019-08"}""".formatted(partnershipId);
        JsonNode month = ServiceHttp.json(http().postJson("/api/v1/events", tour));
        assertThat(month.path("timePrecision").asString()).isEqualTo("MONTH");
        assertThat(month.path("startDate").asString()).isEqualTo("2019-08");
        assertThat(month.path("endDate").asString()).isEqualTo("2019-08");
        assertThat(month.path("startsAt").asString()).isEqualTo("2019-07-31T22:00:00Z");
        HttpResponse<String> known = http().postJson("/api/v1/events/" + month.path("id").asString() + "/reschedule",
                "{\"startsAt\": \"2019-08-26\", \"endsAt\": \"2019-08-30\"}");
        assertThat(ServiceHttp.json(known).path("timePrecision").asString()).as("the days learnt later")
                .isEqualTo("DAY");
        assertBadField(tour.replace("\"2019-08\"}", "\"2019-08-31\"}"), "endsAt");
        assertBadField(tour.replace("\"2019-08\",", "\"2019-8\","), "startsAt");
    }

    /**
     * The Essen-Koriyama activities of seed 000 as the demo data holds them: each accepted as the loader sends it, its
     * days or month as the seed gives them (no invented times), and none before the partnership's start.
     */
    @Test
    void theDemoEventsOfSeed000AreAcceptedWithTheSeedsDaysAndMonths() throws IOException {
        UUID partnershipId = knownPartnership();
        registerProgramme("iuc-asia");
        JsonNode events = JSON.readTree(Files.readString(DEMO.resolve("cooperation-events.json")));
        java.time.LocalDate establishedOn = java.time.LocalDate.parse(JSON.readTree(Files.readString(
                DEMO.resolve("partnership.json"))).path("establishedOn").asString());
        Map<String, String> days = new java.util.LinkedHashMap<>();
        for (JsonNode event : events) {
            ObjectNode body = ((ObjectNode) event).deepCopy();
            body.putArray("partnershipIds").add(partnershipId.toString());
            HttpResponse<String> created = http().postJson("/api/v1/events", body.toString());
            assertThat(created.statusCode()).as(event.path("title").asString() + ": " + created.body())
                    .isEqualTo(201);
            JsonNode read = ServiceHttp.json(created);
            assertThat(read.path("timePrecision").asString()).as("the seed gives no times").isNotEqualTo("TIME");
            assertThat(read.path("startDate").asString()).isEqualTo(event.path("startsAt").asString());
            assertThat(read.path("endDate").asString()).isEqualTo(event.path("endsAt").asString());
            assertThat(read.path("startDate").asString().compareTo(establishedOn.toString().substring(0,
                    read.path("startDate").asString().length()))).as("the partnership started no later than "
                            + event.path("title").asString()).isGreaterThanOrEqualTo(0);
            days.put(read.path("title").asString(), read.path("startDate").asString() + "/"
                    + read.path("endDate").asString());
        }
        assertThat(days).containsEntry("Site visit of the newly-building rainwater detention facility in Koriyama",
                "2019-05/2019-05")
                .containsEntry("Study tour to Essen on Stadtwerke", "2019-08/2019-08")
                .containsEntry("Courtesy visit to the Lord Mayor of Essen", "2019-08-27/2019-08-27")
                .containsEntry("Meeting between medical institutions in Essen and Koriyama", "2019-09/2019-09")
                .containsEntry("Signing ceremony for the continued cooperation in Koriyama", "2019-09/2019-09")
                .containsEntry("Business mission from Koriyama to Essen", "2020-02/2020-02")
                .containsEntry("E-world energy & water 2020", "2020-02/2020-02")
                .containsEntry("Fukushima-NRW Renewable Energy Seminar", "2020-02/2020-02")
                .containsEntry("REIF Fukushima 2020", "2020-10-28/2020-10-29")
                .containsEntry("International cooperation for innovation in urban development policy and practice: "
                        + "results and perspectives from IUC ASIA (China, India, Japan)", "2020-10-13/2020-10-13");
        assertThat(titles(anonymous().get("/api/v1/events?partnershipId=" + partnershipId + "&limit=50")))
                .as("drafts until the loader publishes them").isEmpty();
    }

    @Test
    void unknownOrganisersPartnershipsAndProgrammesAreRefusedNamingTheField() {
        UUID partnershipId = knownPartnership();
        registerOrganisations("energy-agency-nrw");
        String valid = SEMINAR.formatted(partnershipId);

        assertUnknown(valid.replace("\"energy-agency-nrw\"", "\"energy-agency-nrw\", \"nobody-knows\""),
                "organisers[1]");
        assertUnknown(valid.replace(partnershipId.toString(), UUID.randomUUID().toString()), "partnershipIds[0]");
        assertUnknown(valid.replace("\"capacity\"", "\"programmeId\": \"no-such-programme\", \"capacity\""),
                "programmeId");
        registerProgramme("iurc");
        HttpResponse<String> withProgramme = http().postJson("/api/v1/events",
                valid.replace("\"capacity\"", "\"programmeId\": \"iurc\", \"capacity\""));
        assertThat(withProgramme.statusCode()).as(withProgramme.body()).isEqualTo(201);
        assertThat(ServiceHttp.json(withProgramme).path("programmeId").asString()).isEqualTo("iurc");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        UUID partnershipId = knownPartnership();
        registerOrganisations("energy-agency-nrw");
        String valid = SEMINAR.formatted(partnershipId);

        assertThat(assertBadField(valid.replace("T17:00", "T09:00"), "endsAt")).contains("before endsAt");
        assertThat(assertBadField(valid.replace("2020-02-10T17:00", "2020-03-20T17:00"), "endsAt"))
                .contains("31 days");
        assertBadField(valid.replace("\"Asia/Tokyo\"", "\"JST\""), "timeZones[0]");
        assertBadField(valid.replace("\"Europe/Berlin\"", "\"Berlin\""), "timeZone");
        assertBadField(valid.replace("\"ja\"", "\"xx\""), "languages[1]");
        assertBadField(valid.replace("\"SEMINAR\"", "\"PARTY\""), "kind");
        assertBadField(valid.replace("\"HYBRID\"", "\"ONLINE\""), "venue");
        assertBadField(valid.replace("2020-02-10T10:00", "10 Feb 2020 10:00"), "startsAt");
        assertBadField(valid.replace("2020-02-10T10:00", "2020-02-10T24:00"), "startsAt");
        assertBadField(valid.replace("\"capacity\": 80", "\"capacity\": 0"), "capacity");
        assertBadField(valid.replace("\"capacity\"", "\"version\": 7, \"capacity\""), "version");
        assertBadField(valid.replace("\"name\": \"Düsseldorf\", ", ""), "venue.name");
        assertBadField(valid.replace("Fukushima-NRW Renewable Energy Seminar", " "), "title");
        assertBadField(valid.replace("\"energy-agency-nrw\"", "\"Energy Agency\""), "organisers[0]");
        // Texts by language are the platform's one LocalizedText: canonical BCP 47 tags.
        assertBadField(valid.replace("\"capacity\"", "\"descriptions\": {\"EN\": \"x\"}, \"capacity\""),
                "descriptions.EN");
        assertBadField(valid.replace("\"capacity\"", "\"descriptions\": {\"en\": \" \"}, \"capacity\""),
                "descriptions.en");
        // 29 Mar 2020: Berlin's clocks jump from 02:00 to 03:00; 25 Oct 2020: they show 02:00-03:00 twice.
        String gap = valid.replace("2020-02-10T10:00", "2020-03-29T02:30").replace("2020-02-10T17:00",
                "2020-03-29T17:00");
        assertThat(assertBadField(gap, "startsAt")).contains("does not exist in Europe/Berlin");
        String overlap = valid.replace("2020-02-10T10:00", "2020-10-25T02:30").replace("2020-02-10T17:00",
                "2020-10-25T17:00");
        assertThat(assertBadField(overlap, "startsAt")).contains("happens twice");
        assertThat(titles(http().get("/api/v1/events?partnershipId=" + partnershipId))).isEmpty();

        JsonNode second = ServiceHttp.json(http().postJson("/api/v1/events",
                overlap.replace("\"capacity\"", "\"localTimeOffset\": \"AFTER_CHANGE\", \"capacity\"")));
        assertThat(second.path("startsAt").asString()).as("the second 02:30, +01:00").isEqualTo(
                "2020-10-25T01:30:00Z");
        JsonNode first = ServiceHttp.json(http().postJson("/api/v1/events",
                overlap.replace("2020-10-25T02:30", "2020-10-25T02:30+02:00")));
        assertThat(first.path("startsAt").asString()).as("an explicit offset").isEqualTo("2020-10-25T00:30:00Z");
        assertThat(first.path("localTimes").get(0).path("startZoneName").asString()).isEqualTo("CEST");
        assertThat(first.path("localTimes").get(0).path("endZoneName").asString()).isEqualTo("CET");
        assertThat(anonymous().get("/api/v1/events?tz=Mars/Olympus").statusCode()).isEqualTo(400);
    }

    /**
     * The model case: the EU-Japan 100 Cities event as the demo data holds it, published and read back in CET and JST
     * exactly as the seed's agenda table prints it, and in a third zone with the day shift; then one session moves and
     * version 2 says so.
     */
    @Test
    void theHundredCitiesAgendaReadsInCetAndJstAsTheSeedPrintsIt() throws IOException {
        registerOrganisations("eu-delegation-japan", "iges");
        JsonNode demo = JSON.readTree(Files.readString(HUNDRED_CITIES));
        HttpResponse<String> created = http().postJson("/api/v1/events", demo.path("event").toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> agenda = put(location + "/agenda", demo.path("agenda").toString(), "\"1\"");
        assertThat(agenda.statusCode()).as(agenda.body()).isEqualTo(200);
        assertThat(anonymous().get(location + "/agenda").statusCode()).as("not published yet").isEqualTo(404);
        assertThat(http().postJson(location + "/publish", "", "If-Match", "\"2\"").statusCode()).isEqualTo(200);

        JsonNode read = ServiceHttp.json(anonymous().get(location + "/agenda?tz=Europe/Brussels&tz=Asia/Tokyo"));
        assertThat(read.path("agendaVersion").asInt()).isEqualTo(1);
        assertThat(seedTable(read)).isEqualTo(Files.readAllLines(
                Path.of("src/test/resources/seed-004-agenda-times.txt"), StandardCharsets.UTF_8));
        JsonNode opening = read.path("days").get(0).path("sessions").get(0);
        assertThat(opening.path("speakers").get(0).path("name").asString()).isEqualTo("Jean-Eric Paquet");
        assertThat(opening.path("speakers").get(0).path("title").asString())
                .isEqualTo("Ambassador of the European Union (EU) to Japan");
        assertThat(opening.path("interpretation").get(0).path("mode").asString()).isEqualTo("SIMULTANEOUS");
        JsonNode closing = read.path("days").get(1).path("sessions").get(5);
        assertThat(closing.path("speakers").get(0).path("videoMessage").asBoolean()).isTrue();
        assertThat(read.path("days").get(0).path("sessions").get(2).path("materials").get(0).path("title").asString())
                .contains("placeholder");

        JsonNode honolulu = ServiceHttp.json(anonymous().get(location + "/agenda?tz=Pacific/Honolulu"))
                .path("days").get(0).path("sessions").get(0).path("localTimes").get(0);
        assertThat(honolulu.path("startsAt").asString()).isEqualTo("2023-01-24T22:00:00-10:00");
        assertThat(honolulu.path("startZoneName").asString()).isEqualTo("HST");
        assertThat(honolulu.path("startDayShift").asInt()).isEqualTo(-1);

        // Panel 1 moves a quarter of an hour later; version 2 says from where to where.
        JsonNode draft = ServiceHttp.json(http().get(location + "/agenda/draft"));
        List<JsonNode> sessions = new ArrayList<>();
        draft.path("days").forEach(day -> day.path("sessions").forEach(sessions::add));
        ArrayNodeBuilder body = new ArrayNodeBuilder();
        for (JsonNode s : sessions) {
            ObjectNode copy = ((ObjectNode) s).deepCopy();
            copy.remove("localTimes");
            if (s.path("titles").path("en").asString().startsWith("Panel 1")) {
                copy.put("startsAt", "2023-01-25T10:00");
                copy.put("endsAt", "2023-01-25T10:40");
            }
            body.add(copy);
        }
        assertThat(anonymous().postJson(location + "/agenda/publish", "").statusCode()).isEqualTo(401);
        HttpResponse<String> changed = put(location + "/agenda", "{\"sessions\": " + body + "}", "\"3\"");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        HttpResponse<String> v2 = http().postJson(location + "/agenda/publish", "", "If-Match", "\"4\"");
        assertThat(v2.statusCode()).as(v2.body()).isEqualTo(200);
        JsonNode change = ServiceHttp.json(v2).path("changes").get(0);
        assertThat(ServiceHttp.json(v2).path("changes").size()).isEqualTo(1);
        assertThat(change.path("type").asString()).isEqualTo("MOVED");
        assertThat(change.path("from").path("startsAt").asString()).isEqualTo("2023-01-25T08:45:00Z");
        assertThat(change.path("to").path("startsAt").asString()).isEqualTo("2023-01-25T09:00:00Z");
        HttpResponse<String> again = http().postJson(location + "/agenda/publish", "");
        assertThat(again.statusCode()).as("nothing new: the current version, no new one").isEqualTo(200);
        assertThat(ServiceHttp.json(again).path("agendaVersion").asInt()).isEqualTo(2);
        assertThat(again.headers().firstValue("ETag")).contains("\"5\"");

        JsonNode history = ServiceHttp.json(anonymous().get(location + "/agenda/versions"));
        assertThat(history.path("versions").size()).isEqualTo(2);
        assertThat(history.path("versions").get(1).path("changes").get(0).path("type").asString()).isEqualTo("MOVED");
        JsonNode first = ServiceHttp.json(anonymous().get(location + "/agenda/versions/1?tz=Asia/Tokyo"));
        assertThat(first.path("days").get(0).path("sessions").get(2).path("localTimes").get(0).path("startsAt")
                .asString()).isEqualTo("2023-01-25T17:45:00+09:00");
        assertThat(anonymous().get(location + "/agenda/versions/3").statusCode()).isEqualTo(404);

        List<EventEnvelope> announced = envelopes(ServiceHttp.json(created).path("id").asString(), 3);
        assertThat(announced).extracting(EventEnvelope::type).as("no partnership: no CooperationEventScheduled")
                .containsExactly("events.CooperationEventPublished", "events.AgendaVersionPublished",
                        "events.AgendaVersionPublished");
        assertThat(strings(announced.get(0).payload().path("organisers"))).containsExactly("eu-delegation-japan",
                "iges");
        assertThat(announced.get(1).payload().path("sessions").asInt()).isEqualTo(13);
        JsonNode second = announced.get(2).payload();
        assertThat(second.path("agendaVersion").asInt()).isEqualTo(2);
        assertThat(second.path("changes").get(0).path("type").asString()).isEqualTo("MOVED");
        assertThat(second.path("changes").get(0).path("to").path("startsAt").asString())
                .isEqualTo("2023-01-25T09:00:00Z");
    }

    @Test
    void aWalkThroughTheListSeesEveryEventOnceWhileOthersAreCreatedAndRescheduled() {
        UUID partnershipId = knownPartnership();
        registerOrganisations("energy-agency-nrw");
        PaginationCheck.of(http(), "/api/v1/events?organiser=energy-agency-nrw&partnershipId=" + partnershipId)
                .creating(() -> {
                    HttpResponse<String> created = http().postJson("/api/v1/events", SEMINAR.formatted(partnershipId));
                    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                    return ServiceHttp.json(created).path("id").asString();
                })
                .changing(id -> assertThat(http().postJson("/api/v1/events/" + id + "/reschedule",
                        "{\"startsAt\": \"2020-02-11T10:00\", \"endsAt\": \"2020-02-11T17:00\"}").statusCode())
                        .isEqualTo(200))
                .verify();
    }

    @Test
    void theSamePartnershipEstablishedDeliveredTwiceHasOneEffect() {
        UUID partnershipId = UUID.randomUUID();
        byte[] established = envelopeBytes(SampleEvents.essenKoriyama(partnershipId));
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
        raw.send(Topics.PARTNERSHIPS, partnershipId.toString(), envelopeBytes(SampleEvents.essenKoriyama(partnershipId)));
        raw.flush();

        await().atMost(Duration.ofSeconds(20)).until(() -> knownPartnerships.find(partnershipId).isPresent());
        List<ConsumerRecord<String, byte[]>> dead = KafkaTestClients.readWithKey(brokers,
                Topics.deadLetterTopicOf(Topics.PARTNERSHIPS), partnershipId.toString(), 1);
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not an event");
    }

    @Test
    void servesItsOpenApiDocumentProbesAndMetrics() {
        JsonNode api = ServiceHttp.json(http().get("/v3/api-docs"));
        assertThat(api.path("paths").path("/api/v1/events").path("post").path("responses").has("201")).isTrue();
        assertThat(api.path("paths").has("/api/v1/events/{id}/agenda")).isTrue();
        PaginationCheck.assertDocumentedAsPage(api, "/api/v1/events");
        assertThat(http().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(ServiceHttp.json(http().get("/actuator/health/readiness")).path("status").asString()).isEqualTo("UP");
        String metrics = http().get("/actuator/prometheus").body();
        assertThat(metrics).contains("ucp_outbox_pending", "http_server_requests_seconds");
    }

    /** The agenda as the seed's table prints it: day headings, then CET and JST lines per session. */
    private static List<String> seedTable(JsonNode agenda) {
        List<String> lines = new ArrayList<>();
        int day = 0;
        for (JsonNode d : agenda.path("days")) {
            java.time.LocalDate date = java.time.LocalDate.parse(d.path("date").asString());
            lines.add("Day " + ++day + ": " + date.getDayOfMonth() + " "
                    + date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                    + date.getYear());
            for (JsonNode s : d.path("sessions")) {
                for (JsonNode t : s.path("localTimes")) {
                    assertThat(t.path("startDayShift").asInt()).isZero();
                    lines.add(t.path("startZoneName").asString() + ": " + t.path("startsAt").asString().substring(11, 16)
                            + "-" + t.path("endsAt").asString().substring(11, 16));
                }
            }
        }
        return lines;
    }

    /** The integration events published for a cooperation event, in order, each valid against its schema. */
    private List<EventEnvelope> envelopes(String cooperationEventId, int expected) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.COOPERATION_EVENTS,
                cooperationEventId, expected);
        assertThat(records).hasSize(expected);
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope envelope = mapper.fromBytes(record.value());
            assertThat(KafkaTestClients.header(record, KafkaHeaders.TYPE)).isEqualTo(envelope.type());
            assertThat(KafkaTestClients.header(record, KafkaHeaders.SOURCE)).isEqualTo("event-service");
            assertThat(new IntegrationEventSchemas(mapper).violations(envelope)).as(envelope.type()).isEmpty();
            envelopes.add(envelope);
        }
        return envelopes;
    }

    private Map<String, EventEnvelope> byType(String cooperationEventId, int expected) {
        Map<String, EventEnvelope> byType = new java.util.LinkedHashMap<>();
        // Keyed by type, and " v2" (and so on) for a later version beside version 1.
        envelopes(cooperationEventId, expected).forEach(e -> byType.put(e.version() == 1 ? e.type()
                : e.type() + " v" + e.version(), e));
        return byType;
    }

    private HttpResponse<String> put(String path, String json, String ifMatch) {
        return http().send(HttpRequest.newBuilder(http().uri(path)).header("Content-Type", "application/json")
                .header("If-Match", ifMatch).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> patch(ServiceHttp caller, String path, String json, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(caller.uri(path))
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return caller.send(request);
    }

    /** Builds a JSON array of nodes. */
    private static final class ArrayNodeBuilder {
        private final tools.jackson.databind.node.ArrayNode array = JSON.createArrayNode();

        void add(JsonNode node) {
            array.add(node);
        }

        @Override
        public String toString() {
            return array.toString();
        }
    }

    private void registerOrganisations(String... ids) {
        var raw = KafkaTestClients.rawTemplate(brokers);
        for (String id : ids) {
            raw.send(Topics.ORGANISATIONS, id, envelopeBytes(new OrganisationRegistered(id, Map.of("en", id),
                    "ASSOCIATION", "essen", List.of(), null)));
        }
        raw.flush();
    }

    private void registerProgramme(String id) {
        var raw = KafkaTestClients.rawTemplate(brokers);
        raw.send(Topics.PROGRAMMES, id, envelopeBytes(new ProgrammeRegistered(id, Map.of("en", id), null, List.of(),
                null, null, null, List.of())));
        raw.flush();
    }

    /** A partnership established in partnership-service, once its event has reached this service. */
    private UUID knownPartnership() {
        UUID partnershipId = UUID.randomUUID();
        var raw = KafkaTestClients.rawTemplate(brokers);
        raw.send(Topics.PARTNERSHIPS, partnershipId.toString(), envelopeBytes(SampleEvents.essenKoriyama(partnershipId)));
        raw.flush();
        await().atMost(Duration.ofSeconds(20)).until(() -> knownPartnerships.find(partnershipId).isPresent());
        return partnershipId;
    }

    private byte[] envelopeBytes(IntegrationEvent event) {
        return mapper.toBytes(mapper.envelope(event, 1, "partnership-service", null, Clock.systemUTC()));
    }

    private double consumed(String outcome) {
        var counter = meters.find("ucp.events.consumed").tags("type", ESTABLISHED, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private void assertUnknown(String body, String field) {
        HttpResponse<String> response = http().postJson("/api/v1/events", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(fields(response)).as(response.body()).containsExactly(field);
    }

    /** @return the problem's detail */
    private String assertBadField(String body, String field) {
        HttpResponse<String> response = http().postJson("/api/v1/events", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(field);
        return ServiceHttp.json(response).path("detail").asString();
    }

    private static List<String> titles(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ServiceHttp.json(response).path("items").valueStream().map(e -> e.path("title").asString()).toList();
    }

    private static List<String> fields(HttpResponse<String> response) {
        return ServiceHttp.json(response).path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
