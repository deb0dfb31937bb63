package org.urbancooperation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;


import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.identity.OidcLogin;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as a new user runs it: the README's start command brings up a real Kafka broker,
 * the Mongo server, the three services and the gateway as processes; everything below goes through
 * the gateway over HTTP, or reads Kafka with independent clients (kcat, the plain Kafka consumer).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SEEDED = "Essen - Koriyama: Maximizing Urban Cooperation for the Future";

    private static LocalStack stack;
    private static String upOutput;

    @BeforeAll
    static void startTheStack() {
        stack = new LocalStack();
        stack.run("down.sh", "--purge");
        upOutput = stack.run("up.sh");
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.run("down.sh");
            for (String part : List.of("kafka", "mongo", "partnership-service", "event-service", "matching-service",
                    "gateway-service")) {
                assertThat(stack.alive(part)).as(part + " stopped").isFalse();
            }
        }
    }

    @Test
    @Order(1)
    void upReportsTheUrlsAndLoadsTheDemoPartnershipOnce() {
        assertThat(upOutput).contains(stack.gateway()).contains("curl");
        assertThat(names(get("/api/v1/partnerships?name=" + SEEDED.replace(" ", "%20")))).containsExactly(SEEDED);

        String again = stack.run("seed.sh");

        assertThat(again).contains("found").contains("demo data: 0 created").doesNotContain("  created ");
        assertThat(names(get("/api/v1/partnerships?name=" + SEEDED.replace(" ", "%20")))).hasSize(1);
    }

    /** The demo data holds the seeds' facts (deploy/local/demo-data/, see deploy/README.md). */
    @Test
    @Order(1)
    void theDemoDataHoldsTheSeedsFacts() {
        JsonNode partnership = json(get("/api/v1/partnerships?name=" + SEEDED.replace(" ", "%20"))).path("items").get(0);
        String id = partnership.path("id").asString();
        assertThat(partnership.path("kind").asString()).isEqualTo("PROGRAMME_PILOT_PROJECT");
        assertThat(partnership.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(partnership.path("programmeId").asString()).isEqualTo("iuc-asia");
        assertThat(partnership.path("networks").size()).isEqualTo(7);
        assertThat(partnership.path("partnerOrganisations").toString()).contains("\"frea\"", "\"ewg\"");
        JsonNode agreement = partnership.path("agreements").get(0);
        assertThat(agreement.path("kind").asString()).isEqualTo("AGREEMENT_ON_CONTINUED_COOPERATION");
        assertThat(agreement.path("signedAtCityId").asString()).isEqualTo("koriyama");

        assertThat(json(get("/api/v1/programmes/iurc")).path("continues").asString()).isEqualTo("iuc-asia");
        assertThat(json(anonymousGet("/api/v1/cities/koriyama")).path("names").path("ja").asString()).isEqualTo("郡山市");
        JsonNode frea = json(anonymousGet("/api/v1/organisations/frea"));
        assertThat(frea.path("kind").asString()).isEqualTo("RESEARCH_INSTITUTE");
        assertThat(frea.path("homeCityId").asString()).isEqualTo("koriyama");
        assertThat(json(anonymousGet("/api/v1/organisations/city-of-koriyama")).has("contacts"))
                .as("contacts are not for anonymous callers").isFalse();

        assertThat(json(get("/api/v1/partnerships/" + id + "/focal-points")).size()).isEqualTo(3);
        JsonNode postponed = json(get("/api/v1/partnerships/" + id + "/actions?status=POSTPONED")).path("items");
        assertThat(postponed.size()).isEqualTo(2);
        List<String> reasons = new ArrayList<>();
        postponed.forEach(action -> reasons.add(action.path("statusReason").asString()));
        assertThat(reasons).containsExactlyInAnyOrder("Postponed due to COVID-19",
                "Postponed to April 2021 or 2022 due to COVID-19");
        JsonNode history = postponed.get(0).path("history");
        assertThat(history.get(history.size() - 1).path("to").asString()).isEqualTo("POSTPONED");

        // Seed 000's online matching of Nov 2020, with the seed's Koriyama makers and the Essen hospitals taking part.
        JsonNode matching = null;
        for (JsonNode event : json(get("/api/v1/matching/events?partnershipId=" + id)).path("items")) {
            if (event.path("title").asString().equals("Joint Online Matching Event - Innovations in the age of "
                    + "coronavirus")) {
                matching = event;
            }
        }
        assertThat(matching).as("the seed's online matching event").isNotNull();
        assertThat(matching.path("startsAt").asString()).startsWith("2020-11-");
        List<String> participants = new ArrayList<>();
        json(get("/api/v1/matching/events/" + matching.path("id").asString() + "/participants")).path("items")
                .forEach(p -> participants.add(p.path("businessId").asString()));
        assertThat(participants).containsExactlyInAnyOrder("robots-koriyama", "emergency-rooms-koriyama",
                "hospitals-essen");
    }

    @Test
    @Order(2)
    void aPartnershipCreatedThroughTheGatewayIsKnownToTheOtherServices() {
        String id = createPartnership("Essen - Koriyama e2e", "e2e-create-1");
        Instant created = Instant.now();

        // event-service and matching-service accept references to it once their read models have it.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                conferencePublished(id));
        Duration knownToEvents = Duration.between(created, Instant.now());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                post("/api/v1/matching/events", matchingEvent(id)).statusCode() == 201);
        System.out.printf("e2e: partnership known to event-service after %d ms%n", knownToEvents.toMillis());

        // ... and what they report comes back to partnership-service's activity counters (moved from /indicators
        // to /activity with issue 11's programme indicators).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode activity = json(get("/api/v1/partnerships/" + id + "/activity"));
            assertThat(activity.path("cooperationEventsScheduled").asLong()).isEqualTo(1);
            assertThat(activity.path("matchingEventsOpened").asLong()).isEqualTo(1);
        });

        // Published events, ACTIVE partnerships and their indicators are public. Lists are pages:
        // {"items": [...], "next": ...}.
        assertThat(anonymousGet("/api/v1/events?partnershipId=" + id).statusCode()).isEqualTo(200);
        JsonNode events = json(anonymousGet("/api/v1/events?partnershipId=" + id + "&limit=1"));
        assertThat(events.path("items").size()).isEqualTo(1);
        assertThat(events.path("next").isNull()).as("one event, one page").isTrue();
        JsonNode matchingEvents = json(get("/api/v1/matching/events?partnershipId=" + id));
        assertThat(matchingEvents.path("items").get(0).path("partnershipId").asString()).isEqualTo(id);
        HttpResponse<String> madeUp = anonymousGet("/api/v1/events?partnershipId=" + id + "&cursor=c1.bWFkZQ.dXA");
        assertThat(madeUp.statusCode()).isEqualTo(400);
        assertThat(madeUp.body()).contains("\"cursor\"");
        assertThat(anonymousGet("/api/v1/partnerships/" + id).statusCode()).isEqualTo(200);
        assertThat(anonymousGet("/api/v1/partnerships/" + id + "/indicators").statusCode()).isEqualTo(200);

        HttpResponse<String> unknown = post("/api/v1/events", conference(UUID.randomUUID().toString()));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("partnershipId");
    }

    /**
     * A partner's integration script establishes a partnership and at once schedules for it, while the
     * PartnershipEstablished is still on its way to event-service and matching-service: the second call waits
     * for it (bounded) instead of failing 422. Back to back, 200 times, against the real broker; paced under
     * the operator key's rate limit, so it is the wait that is measured, not the limiter.
     */
    @Test
    @Order(2)
    void aCommandNamingAPartnershipEstablishedAMomentAgoDoesNotFail() throws InterruptedException {
        List<Long> secondCallMillis = new ArrayList<>();
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            long iteration = System.nanoTime();
            String id = createPartnership("Back to back " + i, "back-to-back-" + i);
            long started = System.nanoTime();
            HttpResponse<String> scheduled = i % 2 == 0 ? post("/api/v1/events", conference(id))
                    : post("/api/v1/matching/events", matchingEvent(id));
            secondCallMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            statuses.merge(scheduled.statusCode(), 1, Integer::sum);
            long pause = 140 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - iteration);
            if (pause > 0) {
                Thread.sleep(pause);
            }
        }
        secondCallMillis.sort(null);
        System.out.printf("back to back: statuses %s; second call p50 %d ms, p99 %d ms, max %d ms%n", statuses,
                secondCallMillis.get(99), secondCallMillis.get(197), secondCallMillis.get(199));
        assertThat(statuses).containsOnlyKeys(201);
    }

    /**
     * Issue 11 end to end: through the gateway, a partner postpones an action of its partnership with a reason and a
     * new window, and anybody reads it back in the partnership's results report, as JSON and as CSV.
     */
    @Test
    @Order(2)
    void aPostponedActionIsReadBackInTheResultsReport() throws IOException {
        String id = createPartnership("Essen - Koriyama report e2e", "e2e-report-1");
        String base = "/api/v1/partnerships/" + id;
        HttpResponse<String> focalPoint = post(base + "/focal-points",
                "{\"number\": 3, \"title\": {\"en\": \"Academic internship & student exchange programs\"}}");
        assertThat(focalPoint.statusCode()).as(focalPoint.body()).isEqualTo(201);
        HttpResponse<String> planned = post(base + "/actions", """
                {"focalPointId": "%s", "theme": "education",
                 "title": {"en": "Two scholars from Essen hosted in Koriyama on the Alfried Krupp pupils scholarship programme"}}"""
                .formatted(json(focalPoint).path("id").asString()));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String action = json(planned).path("id").asString();
        String reason = "postponed to April 2021 or 2022 due to COVID-19";
        HttpResponse<String> postponed = post(base + "/actions/" + action + "/status",
                "{\"status\": \"POSTPONED\", \"reason\": \"" + reason + "\", \"plannedFrom\": \"2021-04\"}");
        assertThat(postponed.statusCode()).as(postponed.body()).isEqualTo(200);

        HttpResponse<String> report = anonymousGet(base + "/report");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        JsonNode actions = json(report).path("actions");
        assertThat(actions.path("byStatus").path("POSTPONED").asInt()).isEqualTo(1);
        JsonNode line = actions.path("postponed").get(0);
        assertThat(line.path("id").asString()).isEqualTo(action);
        assertThat(line.path("reason").asString()).isEqualTo(reason);
        assertThat(line.path("plannedFrom").asString()).isEqualTo("2021-04");

        HttpResponse<String> csv = send(HttpRequest.newBuilder(URI.create(stack.gateway() + base + "/report"))
                .header("Accept", "text/csv").GET());
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWithIgnoringCase("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body()))) {
            CSVRecord row = parser.getRecords().stream()
                    .filter(r -> r.get("section").equals("action") && r.get("item").equals(action)).findFirst()
                    .orElseThrow();
            assertThat(row.get("status")).isEqualTo("POSTPONED");
            assertThat(row.get("from")).isEqualTo("2021-04");
            assertThat(row.get("detail")).isEqualTo(reason);
        }
        assertThat(send(HttpRequest.newBuilder(URI.create(stack.gateway() + base + "/report"))
                .header("Accept", "application/xml").GET()).statusCode()).isEqualTo(406);
    }

    /**
     * Every route, as every role, on its own and on another's object, through the gateway with keys
     * the operator issued through the API: the statuses partners and businesses will see.
     */
    /**
     * Issue 12, as a new user does it through the gateway: the 100 Cities event from the seed is entered and published,
     * its agenda read in CET and JST exactly as the seed prints it and in a third zone with day shifts, one session moved
     * (version 2 with its change list), registrations until it is full, the waitlist moving when someone cancels, and a
     * personal calendar feed that python3-icalendar reads and that updates in place (same UID, higher SEQUENCE).
     */
    @Test
    @Order(2)
    void theHundredCitiesEventFromPublishingToAPersonalCalendarFeed() throws Exception {
        JsonNode seed = JSON.readTree(java.nio.file.Files.readString(
                stack.repo.resolve("deploy/local/demo-data/eu-japan-100-cities.json")));
        HttpResponse<String> created = post("/api/v1/events", seed.path("event").toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String event = "/api/v1/events/" + json(created).path("id").asString();
        HttpResponse<String> agenda = call("PUT", event + "/agenda", stack.operatorKey(), seed.path("agenda").toString());
        assertThat(agenda.statusCode()).as(agenda.body()).isEqualTo(200);
        HttpResponse<String> published = withIfMatch("POST", event + "/publish", null,
                agenda.headers().firstValue("ETag").orElseThrow());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

        // The seed's table, CET and JST for every session, read by anybody.
        JsonNode read = json(anonymousGet(event + "/agenda?tz=Europe/Brussels&tz=Asia/Tokyo"));
        List<String> table = new ArrayList<>();
        int day = 0;
        for (JsonNode d : read.path("days")) {
            java.time.LocalDate date = java.time.LocalDate.parse(d.path("date").asString());
            table.add("Day " + ++day + ": " + date.getDayOfMonth() + " " + date.getMonth().getDisplayName(
                    java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + date.getYear());
            for (JsonNode session : d.path("sessions")) {
                for (JsonNode t : session.path("localTimes")) {
                    table.add(t.path("startZoneName").asString() + ": " + t.path("startsAt").asString().substring(11, 16)
                            + "-" + t.path("endsAt").asString().substring(11, 16));
                }
            }
        }
        assertThat(table).isEqualTo(java.nio.file.Files.readAllLines(
                stack.repo.resolve("event-service/src/test/resources/seed-004-agenda-times.txt")));
        JsonNode honolulu = json(anonymousGet(event + "/agenda?tz=Pacific/Honolulu")).path("days").get(0)
                .path("sessions").get(0).path("localTimes").get(0);
        assertThat(honolulu.path("startsAt").asString()).isEqualTo("2023-01-24T22:00:00-10:00");
        assertThat(honolulu.path("startDayShift").asInt()).isEqualTo(-1);

        // Room for two; the operator registers itself and two delegates of partner cities.
        HttpResponse<String> limited = withIfMatch("PATCH", event, "{\"capacity\": 2}",
                published.headers().firstValue("ETag").orElseThrow());
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(200);
        HttpResponse<String> mine = post(event + "/registrations", "{\"role\": \"ATTENDEE\", \"name\": \"Secretariat\"}");
        assertThat(json(mine).path("status").asString()).as(mine.body()).isEqualTo("CONFIRMED");
        HttpResponse<String> second = post(event + "/registrations",
                "{\"participant\": \"kyoto-delegate\", \"role\": \"DELEGATE\", \"name\": \"Kyoto delegate\"}");
        assertThat(json(second).path("status").asString()).as(second.body()).isEqualTo("CONFIRMED");
        HttpResponse<String> third = post(event + "/registrations",
                "{\"participant\": \"bonn-delegate\", \"role\": \"DELEGATE\", \"name\": \"Bonn delegate\"}");
        assertThat(json(third).path("status").asString()).as(third.body()).isEqualTo("WAITLISTED");
        assertThat(json(third).path("waitlistPosition").asInt()).isEqualTo(1);

        // A personal feed for the operator's own registration, read without credentials, as a calendar program does.
        HttpResponse<String> feed = post("/api/v1/calendars", "");
        assertThat(feed.statusCode()).as(feed.body()).isIn(200, 201);
        if (feed.statusCode() == 200) {
            assertThat(call("DELETE", "/api/v1/calendars/mine", stack.operatorKey(), null).statusCode()).isEqualTo(204);
            feed = post("/api/v1/calendars", "");
        }
        String feedUrl = json(feed).path("url").asString();
        JsonNode before = parseIcs(anonymousGet(feedUrl).body());
        JsonNode panel1 = read.path("days").get(0).path("sessions").get(2);
        String panelUid = panel1.path("id").asString() + "@urban-cooperation";
        JsonNode panelBefore = vevent(before, panelUid);
        assertThat(panelBefore.path("dtstart").path("tzid").asString()).isEqualTo("Europe/Brussels");
        assertThat(panelBefore.path("dtstart").path("utc").asString()).isEqualTo("2023-01-25T08:45:00Z");

        // Panel 1 moves a quarter of an hour later: version 2 says so, and the feed updates the same entry.
        JsonNode draft = json(get(event + "/agenda/draft"));
        tools.jackson.databind.node.ArrayNode sessions = JSON.createArrayNode();
        draft.path("days").forEach(d -> d.path("sessions").forEach(s -> {
            tools.jackson.databind.node.ObjectNode copy = ((tools.jackson.databind.node.ObjectNode) s).deepCopy();
            copy.remove("localTimes");
            if (s.path("id").asString().equals(panel1.path("id").asString())) {
                copy.put("startsAt", "2023-01-25T10:00");
                copy.put("endsAt", "2023-01-25T10:40");
            }
            sessions.add(copy);
        }));
        HttpResponse<String> moved = call("PUT", event + "/agenda", stack.operatorKey(), "{\"sessions\": " + sessions + "}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        HttpResponse<String> v2 = post(event + "/agenda/publish", "");
        assertThat(v2.statusCode()).as(v2.body()).isEqualTo(200);
        assertThat(json(v2).path("agendaVersion").asInt()).isEqualTo(2);
        assertThat(json(v2).path("changes").get(0).path("type").asString()).isEqualTo("MOVED");
        assertThat(json(v2).path("changes").get(0).path("to").path("startsAt").asString())
                .isEqualTo("2023-01-25T09:00:00Z");
        JsonNode panelAfter = vevent(parseIcs(anonymousGet(feedUrl).body()), panelUid);
        assertThat(panelAfter.path("dtstart").path("utc").asString()).isEqualTo("2023-01-25T09:00:00Z");
        assertThat(panelAfter.path("sequence").asInt()).isGreaterThan(panelBefore.path("sequence").asInt());

        // The operator cancels: its place goes to the first in line, and its feed empties.
        String registration = event + "/registrations/" + json(mine).path("id").asString();
        HttpResponse<String> cancelled = withIfMatch("DELETE", registration, null,
                mine.headers().firstValue("ETag").orElseThrow());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        JsonNode promoted = json(get(event + "/registrations/" + json(third).path("id").asString()));
        assertThat(promoted.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(parseIcs(anonymousGet(feedUrl).body()).path("events").size()).isZero();
    }

    /**
     * Issue 13, through the gateway: the seed's Koriyama maker of disinfection robots and Essen hospital network each
     * see the other first among their proposals with the reason in words and terms; the system proposed the pair as a
     * match; both accept; only then does each see the other's contacts, and the partnership's indicator of accepted
     * matches moves by one.
     */
    @Test
    @Order(2)
    void twoBusinessesFromTheSeedFindEachOtherAcceptAndOnlyThenSeeContacts() {
        String robots = issueKey("{\"role\": \"business\", \"businessId\": \"robots-koriyama\", \"label\": \"robots\"}");
        String hospitals = issueKey("{\"role\": \"business\", \"businessId\": \"hospitals-essen\", \"label\": \"hospitals\"}");
        String seeded = json(get("/api/v1/partnerships?name=" + SEEDED.replace(" ", "%20"))).path("items").get(0)
                .path("id").asString();
        HttpResponse<String> indicator = post("/api/v1/partnerships/" + seeded + "/indicators", """
                {"code": "IT-MATCH-%s", "name": {"en": "Business matches accepted"}, "unit": "matches",
                 "source": "AUTOMATIC", "measure": "MATCHES_ACCEPTED", "baseline": 0, "target": 10,
                 "targetDate": "2030-12-31"}""".formatted(UUID.randomUUID().toString().substring(0, 8).toUpperCase()));
        assertThat(indicator.statusCode()).as(indicator.body()).isEqualTo(201);
        String code = json(indicator).path("code").asString();
        java.math.BigDecimal acceptedBefore = actual(seeded, code);

        String robotsOffer = ownOpportunity(robots, "robots-koriyama", "disinfection");
        String hospitalsRequest = ownOpportunity(hospitals, "hospitals-essen", "disinfection");
        JsonNode top = json(call("GET", "/api/v1/matching/opportunities/" + hospitalsRequest + "/proposals?limit=3",
                hospitals, null)).path("items").get(0);
        assertThat(top.path("opportunity").path("id").asString()).isEqualTo(robotsOffer);
        assertThat(top.path("breakdown").toString()).contains("both in hygiene and disinfection", "disinfection");
        assertThat(top.toString()).doesNotContain("@");
        JsonNode back = json(call("GET", "/api/v1/matching/opportunities/" + robotsOffer + "/proposals?limit=3",
                robots, null)).path("items").get(0);
        assertThat(back.path("opportunity").path("id").asString()).isEqualTo(hospitalsRequest);

        // The pair was proposed by the system when the opportunities were published.
        JsonNode[] match = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            match[0] = null;
            json(call("GET", "/api/v1/matching/matches?status=PENDING", hospitals, null)).path("items").forEach(m -> {
                String pair = m.path("first").toString() + m.path("second").toString();
                if (pair.contains(robotsOffer) && pair.contains(hospitalsRequest)) {
                    match[0] = m;
                }
            });
            assertThat(match[0]).as("a proposed match of the two").isNotNull();
        });
        String matchPath = "/api/v1/matching/matches/" + match[0].path("id").asString();
        assertThat(call("GET", "/api/v1/matching/profiles/robots-koriyama", hospitals, null).body())
                .as("no contacts before both accept").doesNotContain("\"contacts\"");
        HttpResponse<String> first = callIfMatch("POST", matchPath + "/accept", hospitals,
                "\"" + match[0].path("version").asLong() + "\"");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).path("status").asString()).isEqualTo("PENDING");
        assertThat(first.body()).doesNotContain("\"contacts\"");
        HttpResponse<String> second = callIfMatch("POST", matchPath + "/accept", robots,
                first.headers().firstValue("ETag").orElseThrow());
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(json(second).path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(json(second).path("contacts").toString()).contains("hospitals-essen");
        assertThat(call("GET", "/api/v1/matching/profiles/robots-koriyama", hospitals, null).body())
                .contains("\"contacts\"");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(actual(seeded, code)).isEqualByComparingTo(acceptedBefore.add(java.math.BigDecimal.ONE)));
    }

    /**
     * Issue 14, through the gateway: an operator opens an online matching of Essen and Koriyama companies in one block
     * on Essen's clocks, the seed's businesses take part with business hours on their own clocks (Essen 09:00-11:00
     * is Koriyama 17:00-19:00 in winter), the Essen hospitals meet the Koriyama robot and emergency room makers; the
     * preview uses as many slots as König's bound with every meeting inside both sides' hours; after the release each
     * participant reads its meeting on its own clocks and in its personal calendar feed; one maker dropping out
     * cancels its meeting and moves no other.
     */
    @Test
    @Order(2)
    void anOnlineMatchingIsScheduledReleasedAndChangedOnlyWhereItMust() throws Exception {
        String robots = issueKey("{\"role\": \"business\", \"businessId\": \"robots-koriyama\", \"label\": \"robots\"}");
        String rooms = issueKey(
                "{\"role\": \"business\", \"businessId\": \"emergency-rooms-koriyama\", \"label\": \"rooms\"}");
        String hospitals = issueKey("{\"role\": \"business\", \"businessId\": \"hospitals-essen\", \"label\": \"hospitals\"}");
        String seeded = json(get("/api/v1/partnerships?name=" + SEEDED.replace(" ", "%20"))).path("items").get(0)
                .path("id").asString();
        HttpResponse<String> opened = post("/api/v1/matching/events", """
                {"partnershipId": "%s", "title": "Essen - Koriyama online business matching (system test)",
                 "timeZone": "Europe/Berlin",
                 "blocks": [{"startsAt": "2027-01-20T09:00", "endsAt": "2027-01-20T11:00", "slotMinutes": 30,
                             "tables": 10, "roomLink": "https://meet.example.org/essen-koriyama/room-{room}"}]}"""
                .formatted(seeded));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String event = "/api/v1/matching/events/" + json(opened).path("id").asString();
        String whole = "[{\"startsAt\": \"2027-01-20T08:00:00Z\", \"endsAt\": \"2027-01-20T10:00:00Z\"}]";
        for (String[] who : new String[][] {{hospitals, "09:00", "11:00"}, {robots, "17:00", "19:00"},
                {rooms, "17:00", "19:00"}}) {
            HttpResponse<String> joined = call("POST", event + "/participants", who[0], """
                    {"availability": %s, "maxMeetings": 4, "businessHours": {"from": "%s", "to": "%s"},
                     "onlyInsideBusinessHours": true}""".formatted(whole, who[1], who[2]));
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
        }
        String matchingEventId = json(opened).path("id").asString();
        String robotsOffer = ownOpportunity(robots, "robots-koriyama", "disinfection");
        String roomsOffer = ownOpportunity(rooms, "emergency-rooms-koriyama", "emergency room");
        for (String[] offer : new String[][] {{robotsOffer, robots}, {roomsOffer, rooms}}) {
            HttpResponse<String> asked = call("POST", "/api/v1/matching/matches", hospitals, """
                    {"toOpportunityId": "%s", "matchingEventId": "%s", "message": "Shall we meet online?"}"""
                    .formatted(offer[0], matchingEventId));
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
            HttpResponse<String> accepted = call("POST", "/api/v1/matching/matches/" + json(asked).path("id")
                    .asString() + "/accept", offer[1], null);
            assertThat(json(accepted).path("status").asString()).as(accepted.body()).isEqualTo("CONFIRMED");
        }

        // The preview: both meetings placed in two slots (the hospitals meet twice: König's bound), inside all hours.
        HttpResponse<String> preview = get(event + "/schedule/preview");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode statistics = json(preview).path("statistics");
        assertThat(statistics.path("meetingsPlaced").asInt()).as(preview.body()).isEqualTo(2);
        assertThat(statistics.path("slotsUsed").asInt()).isEqualTo(statistics.path("slotLowerBound").asInt())
                .isEqualTo(2);
        assertThat(statistics.path("meetingsInsideBothHours").asInt()).isEqualTo(2);
        assertThat(statistics.path("meetingsWithBothHours").asInt()).isEqualTo(2);
        assertThat(call("GET", event + "/schedule/releases", robots, null).body()).as("nothing released yet")
                .doesNotContain("matchId");
        HttpResponse<String> released = callIfMatch("POST", event + "/schedule/releases", stack.operatorKey(),
                preview.headers().firstValue("ETag").orElseThrow());
        assertThat(released.statusCode()).as(released.body()).isEqualTo(201);
        assertThat(json(released).path("number").asInt()).isEqualTo(1);

        // Each sees its meeting on its own clocks: Koriyama's 17:00-19:00 (JST), Essen's 09:00-11:00 (CET).
        JsonNode robotsMeeting = json(call("GET", "/api/v1/matching/meetings?matchingEventId=" + matchingEventId,
                robots, null)).path("items");
        assertThat(robotsMeeting.size()).isEqualTo(1);
        String meetingId = robotsMeeting.get(0).path("id").asString();
        JsonNode mine = json(call("GET", "/api/v1/matching/meetings/" + meetingId, robots, null));
        assertThat(mine.path("roomLink").asString())
                .isEqualTo("https://meet.example.org/essen-koriyama/room-" + mine.path("table").asInt());
        JsonNode tokyo = mine.path("localTimes");
        assertThat(tokyo.toString()).contains("Asia/Tokyo", "+09:00", "JST");
        for (JsonNode zone : tokyo) {
            if (zone.path("timeZone").asString().equals("Asia/Tokyo")) {
                java.time.LocalTime start = java.time.OffsetDateTime.parse(zone.path("startsAt").asString())
                        .toLocalTime();
                assertThat(start).isBetween(java.time.LocalTime.of(17, 0), java.time.LocalTime.of(18, 30));
            }
        }
        JsonNode theirs = json(call("GET", "/api/v1/matching/meetings/" + meetingId + "?tz=Europe/Berlin", hospitals,
                null)).path("localTimes").get(0);
        assertThat(theirs.path("startZoneName").asString()).isEqualTo("CET");
        assertThat(java.time.OffsetDateTime.parse(theirs.path("startsAt").asString()).toLocalTime())
                .isBetween(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(10, 30));
        assertThat(call("GET", "/api/v1/matching/meetings/" + meetingId, rooms, null).statusCode())
                .as("another business's meeting").isEqualTo(404);

        // ... and in its personal calendar feed, once event-service has heard of it.
        HttpResponse<String> feed = call("POST", "/api/v1/calendars", robots, null);
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(201);
        String feedUrl = json(feed).path("url").asString();
        String uid = meetingId + "@urban-cooperation";
        JsonNode[] entry = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            entry[0] = vevent(parseIcs(anonymousGet(feedUrl).body()), uid);
            assertThat(entry[0]).isNotNull();
        });
        assertThat(entry[0].path("dtstart").path("utc").asString()).isEqualTo(mine.path("startsAt").asString()
                .replace(".000Z", "Z"));

        // The emergency room maker drops out: its meeting is cancelled, the robots' stays where it was.
        HttpResponse<String> dropped = call("DELETE", event + "/participants/emergency-rooms-koriyama", rooms, null);
        assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(200);
        HttpResponse<String> again = get(event + "/schedule/preview");
        JsonNode changes = json(again).path("changes");
        assertThat(changes.path("cancelled").asInt()).as(again.body()).isEqualTo(1);
        assertThat(changes.path("moved").asInt()).isZero();
        assertThat(changes.path("affectedBusinesses").toString()).contains("emergency-rooms-koriyama")
                .doesNotContain("robots-koriyama");
        HttpResponse<String> second = callIfMatch("POST", event + "/schedule/releases", stack.operatorKey(),
                again.headers().firstValue("ETag").orElseThrow());
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        JsonNode after = json(call("GET", "/api/v1/matching/meetings/" + meetingId, robots, null));
        assertThat(after.path("slot").asInt()).isEqualTo(mine.path("slot").asInt());
        assertThat(after.path("sequence").asInt()).isEqualTo(mine.path("sequence").asInt());
        assertThat(json(call("GET", "/api/v1/matching/meetings?matchingEventId=" + matchingEventId
                + "&status=CANCELLED", hospitals, null)).path("items").size()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void authorisationMatrixThroughTheGateway() {
        String essen = issueKey("{\"role\":\"partner\",\"organisationId\":\"city-of-essen\",\"label\":\"Essen e2e\"}");
        String duesseldorf = issueKey(
                "{\"role\":\"partner\",\"organisationId\":\"city-of-duesseldorf\",\"label\":\"Duesseldorf e2e\"}");
        String hydrogen = issueKey(
                "{\"role\":\"business\",\"businessId\":\"hydrogen-koriyama\",\"label\":\"Hydrogen e2e\"}");
        String operator = stack.operatorKey();
        await().atMost(Duration.ofSeconds(30)).until(() -> status("GET", "/api/v1/partnerships?limit=1", hydrogen, null) == 200);

        String partnership = partnershipBody("Essen - Koriyama matrix");
        assertThat(status("POST", "/api/v1/partnerships", null, partnership)).isEqualTo(401);
        assertThat(status("POST", "/api/v1/partnerships", duesseldorf, partnership)).isEqualTo(403);
        assertThat(status("POST", "/api/v1/partnerships", hydrogen, partnership)).isEqualTo(403);
        HttpResponse<String> established = call("POST", "/api/v1/partnerships", essen, partnership);
        assertThat(established.statusCode()).as(established.body()).isEqualTo(201);
        String id = json(established).path("id").asString();
        assertThat(status("POST", "/api/v1/partnerships", essen,
                partnership.replace("\"themes\"", "\"version\": 9, \"themes\""))).as("mass assignment").isEqualTo(400);

        String agreement = "{\"title\": \"Agreement on continued cooperation\", \"signedOn\": \"2019-09-20\"}";
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        for (String key : new String[] {operator, essen, duesseldorf, hydrogen, null}) {
            String who = key == null ? "anonymous" : key.equals(operator) ? "operator" : key.equals(essen) ? "essen"
                    : key.equals(duesseldorf) ? "duesseldorf" : "hydrogen";
            boolean member = who.equals("operator") || who.equals("essen");
            int publicRead = 200; // an ACTIVE partnership is read by anybody (issue 11)
            int change = key == null ? 401 : member ? 200 : 403;
            int create = key == null ? 401 : member ? 201 : 403;
            int keys = key == null ? 401 : who.equals("operator") ? 200 : 403;
            expected.put(who + " GET partnership", publicRead);
            expected.put(who + " GET partnerships", publicRead);
            expected.put(who + " GET indicators", publicRead); // of an ACTIVE partnership, like the partnership
            expected.put(who + " POST agreement", change);
            expected.put(who + " POST event", create);
            expected.put(who + " GET events (public)", 200);
            expected.put(who + " POST matching event", create);
            expected.put(who + " GET api-keys", keys);
            Map<String, Integer> actual = new java.util.LinkedHashMap<>();
            actual.put(who + " GET partnership", status("GET", "/api/v1/partnerships/" + id, key, null));
            actual.put(who + " GET partnerships", status("GET", "/api/v1/partnerships?limit=5", key, null));
            actual.put(who + " GET indicators", status("GET", "/api/v1/partnerships/" + id + "/indicators", key, null));
            actual.put(who + " POST agreement", status("POST", "/api/v1/partnerships/" + id + "/agreements", key, agreement));
            actual.put(who + " POST event", awaitKnown("/api/v1/events", key, conference(id)));
            actual.put(who + " GET events (public)", status("GET", "/api/v1/events?partnershipId=" + id, key, null));
            actual.put(who + " POST matching event", awaitKnown("/api/v1/matching/events", key, matchingEvent(id)));
            actual.put(who + " GET api-keys", status("GET", "/api/v1/api-keys", key, null));
            assertThat(actual).as(who).containsAllEntriesOf(expected.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(who + " "))
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }

        // A partner cannot talk its way up to operator with a forged identity header.
        assertThat(send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/v1/api-keys"))
                .header("X-Api-Key", essen).header("X-Ucp-Identity", "eyJhbGciOiJub25lIn0.eyJ1Y3Bfcm9sZSI6Im9wZXJhdG9yIn0.")
                .GET()).statusCode()).isEqualTo(403);
        // A revoked key is refused within seconds.
        String keyId = essen.substring(4, 20);
        assertThat(status("DELETE", "/api/v1/api-keys/" + keyId, operator, null)).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> status("GET", "/api/v1/partnerships?limit=1", essen, null) == 401);
    }

    /** People sign in at the local OpenID Connect provider and use its access tokens at the gateway. */
    @Test
    @Order(4)
    void peopleUseRealTokensOfTheIdentityProvider() {
        URI issuer = URI.create("http://127.0.0.1:" + stack.ports.get("IDENTITY_PORT"));
        String essen = new OidcLogin(issuer).login("ucp-cli", "http://127.0.0.1/callback", "essen", "demo").accessToken();
        String robots = new OidcLogin(issuer).login("ucp-cli", "http://127.0.0.1/callback", "robots-essen", "demo")
                .accessToken();
        String seeded = json(get("/api/v1/partnerships?name=" + SEEDED.replace(" ", "%20"))).path("items").get(0)
                .path("id").asString();
        String agreement = "{\"title\": \"Joint seminar agreement\", \"signedOn\": \"2020-02-10\"}";

        assertThat(bearer("POST", "/api/v1/partnerships/" + seeded + "/agreements", essen, agreement).statusCode())
                .as("a partner of Essen changes Essen's partnership").isEqualTo(200);
        assertThat(bearer("POST", "/api/v1/partnerships/" + seeded + "/agreements", robots, agreement).statusCode())
                .as("a business does not").isEqualTo(403);
        assertThat(bearer("GET", "/api/v1/partnerships/" + seeded, robots, null).statusCode()).isEqualTo(200);
        assertThat(bearer("GET", "/api/v1/partnerships/" + seeded, essen + "x", null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void kcatReadsTheIntegrationEventFromTheTopic() throws Exception {
        Assumptions.assumeTrue(onPath("kcat"), "kcat is not installed (apt-get install kcat); .ci/run installs it");
        String id = createPartnership("Essen - Koriyama kcat", "e2e-kcat-1");

        String out = "";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!out.contains(id) && Instant.now().isBefore(deadline)) {
            Process kcat = new ProcessBuilder("kcat", "-b", stack.kafka(), "-C", "-t", Topics.PARTNERSHIPS,
                    "-o", "beginning", "-e", "-q", "-f", "%k|%h|%s\\n").redirectErrorStream(true).start();
            kcat.waitFor(30, TimeUnit.SECONDS);
            out = new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        String line = out.lines().filter(l -> l.startsWith(id + "|")).findFirst().orElseThrow(
                () -> new AssertionError("no record with key " + id));
        assertThat(line).contains("ce_type=partnership.PartnershipEstablished", "correlation_id=e2e-kcat-1");
        JsonNode envelope = JSON.readTree(line.substring(line.indexOf("|{") + 1));
        assertThat(envelope.path("aggregateId").asString()).isEqualTo(id);
        assertThat(envelope.path("payload").path("name").asString()).isEqualTo("Essen - Koriyama kcat");
    }

    @Test
    @Order(6)
    void killingTheBrokerWhilePartnershipsAreCreatedLosesNoEvent() {
        stack.kill("kafka");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(createPartnership("Created while Kafka is down " + i, "e2e-outage-" + i));
        }

        stack.run("up.sh", "--no-seed");

        Map<String, Integer> published = countByKey(Topics.PARTNERSHIPS, Set.copyOf(ids), Duration.ofSeconds(90));
        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    post("/api/v1/events", conference(id)).statusCode() == 201);
        }
    }

    @Test
    @Order(7)
    void operatorsGetMetricsOfEveryService() {
        // The gateway's actuator is on its management port; on the public API port it does not exist.
        assertThat(body(stack.service("GATEWAY_MANAGEMENT_PORT") + "/actuator/prometheus"))
                .contains("ucp_gateway_requests_seconds_bucket");
        assertThat(anonymousGet("/actuator/prometheus").statusCode()).isEqualTo(404);
        String partnerships = body(stack.service("PARTNERSHIP_PORT") + "/actuator/prometheus");
        assertThat(partnerships).contains("ucp_outbox_published_total", "ucp_events_consumed_total",
                "application=\"partnership-service\"");
        assertThat(body(stack.service("EVENT_PORT") + "/actuator/prometheus")).contains("ucp_events_consumed_total");
        assertThat(json(get("/v3/api-docs/partnerships")).path("paths").has("/api/v1/partnerships")).isTrue();
    }

    @Test
    @Order(8)
    void dataSurvivesARestartOfTheWholeStack() {
        String id = createPartnership("Essen - Koriyama survives", "e2e-restart");
        stack.run("down.sh");
        assertThat(stack.alive("mongo")).isFalse();

        stack.run("up.sh", "--no-seed");

        assertThat(get("/api/v1/partnerships/" + id).statusCode()).isEqualTo(200);
        assertThat(names(get("/api/v1/partnerships?name=" + SEEDED.replace(" ", "%20")))).hasSize(1);
    }

    // ---- helpers ----

    /** The actual of an AUTOMATIC indicator of a partnership, 0 while nothing counts. */
    private static java.math.BigDecimal actual(String partnershipId, String code) {
        HttpResponse<String> read = get("/api/v1/partnerships/" + partnershipId + "/indicators/" + code);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode actual = json(read).path("actual");
        return actual.isNull() || actual.isMissingNode() ? java.math.BigDecimal.ZERO : actual.decimalValue();
    }

    /** The business's published demo opportunity about {@code about} (in its English title), read with its own key. */
    private static String ownOpportunity(String key, String businessId, String about) {
        JsonNode items = json(call("GET", "/api/v1/matching/opportunities?businessId=" + businessId
                + "&status=PUBLISHED", key, null)).path("items");
        for (JsonNode item : items) {
            if (item.path("title").path("en").asString("").contains(about)) {
                return item.path("id").asString();
            }
        }
        throw new AssertionError(businessId + " has no published opportunity about " + about + ": " + items);
    }

    private static HttpResponse<String> withIfMatch(String method, String path, String body, String etag) {
        return callIfMatch(method, path, stack.operatorKey(), etag, body);
    }

    private static HttpResponse<String> callIfMatch(String method, String path, String key, String etag) {
        return callIfMatch(method, path, key, etag, null);
    }

    private static HttpResponse<String> callIfMatch(String method, String path, String key, String etag,
            String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gateway() + path))
                .header("X-Api-Key", key).header("If-Match", etag)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
        }
        return send(request);
    }

    /** An iCalendar document as python3-icalendar (Debian's package, an independent parser) reads it. */
    private static JsonNode parseIcs(String ics) throws IOException, InterruptedException {
        String python = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/python3")) ? "/usr/bin/python3"
                : "python3";
        Process process = new ProcessBuilder(python,
                stack.repo.resolve("event-service/src/test/resources/calendar/parse_ics.py").toString())
                .redirectErrorStream(false).start();
        process.getOutputStream().write(ics.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("python3-icalendar read the feed: " + err).isZero();
        return JSON.readTree(out);
    }

    private static JsonNode vevent(JsonNode parsed, String uid) {
        for (JsonNode e : parsed.path("events")) {
            if (e.path("uid").asString().equals(uid)) {
                return e;
            }
        }
        throw new AssertionError("no VEVENT " + uid + " in " + parsed);
    }

    private static String issueKey(String request) {
        HttpResponse<String> issued = call("POST", "/api/v1/api-keys", stack.operatorKey(), request);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return json(issued).path("key").asString();
    }

    private static String partnershipBody(String name) {
        return """
                {"name": "%s", "partnerOrganisations": ["city-of-essen", "city-of-koriyama"],
                 "cities": [{"name": "Essen", "countryCode": "DE", "timeZone": "Europe/Berlin"},
                            {"name": "Koriyama", "countryCode": "JP", "timeZone": "Asia/Tokyo"}],
                 "themes": ["renewable-energy"], "establishedOn": "2019-08-27"}""".formatted(name);
    }

    /** A create that may first meet a read model that has not yet heard of the partnership (422). */
    private static int awaitKnown(String path, String key, String body) {
        int[] last = new int[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = status("POST", path, key, body);
            return last[0] != 422;
        });
        return last[0];
    }

    private static HttpResponse<String> bearer(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gateway() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    private static int status(String method, String path, String key, String body) {
        return call(method, path, key, body).statusCode();
    }

    private static HttpResponse<String> call(String method, String path, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gateway() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return send(request);
    }

    private static String createPartnership(String name, String correlationId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/v1/partnerships"))
                .header("Content-Type", "application/json").header("X-Correlation-Id", correlationId)
                .header("X-Api-Key", stack.operatorKey())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "%s",
                         "cities": [{"name": "Essen", "countryCode": "DE", "timeZone": "Europe/Berlin"},
                                    {"name": "Koriyama", "countryCode": "JP", "timeZone": "Asia/Tokyo"}],
                         "partnerOrganisations": ["city-of-essen", "city-of-koriyama"],
                         "themes": ["renewable-energy"], "establishedOn": "2019-08-27"}""".formatted(name))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("id").asString();
    }

    /** A conference the partnership runs; a draft until published (issue 12). */
    private static String conference(String partnershipId) {
        return """
                {"kind": "CONFERENCE", "title": "EU-Japan 100 Cities Event on Climate Action", "partnershipIds": ["%s"],
                 "timeZone": "Europe/Brussels", "timeZones": ["Asia/Tokyo"],
                 "startsAt": "2023-01-25T09:00", "endsAt": "2023-01-25T12:00", "languages": ["en", "ja"]}"""
                .formatted(partnershipId);
    }

    /**
     * Creates the conference and publishes it: only published events are public, and publishing is what
     * partnership-service's activity counters hear of. False while event-service does not know the partnership yet.
     */
    private static boolean conferencePublished(String partnershipId) {
        HttpResponse<String> created = post("/api/v1/events", conference(partnershipId));
        if (created.statusCode() == 422) {
            return false;
        }
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> published = post(created.headers().firstValue("Location").orElseThrow() + "/publish", "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return true;
    }

    private static String matchingEvent(String partnershipId) {
        return """
                {"partnershipId": "%s", "title": "Online business matching: products against COVID-19",
                 "startsAt": "2020-11-18T08:00:00Z", "endsAt": "2020-11-18T11:00:00Z", "slotMinutes": 30}"""
                .formatted(partnershipId);
    }

    private static Map<String, Integer> countByKey(String topic, Set<String> keys, Duration timeout) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (!counts.keySet().containsAll(keys) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        counts.merge(record.key(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static List<String> names(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        json(response).path("items").forEach(p -> names.add(p.path("name").asString()));
        return names;
    }

    /** As the operator, with the API key up.sh printed. */
    private static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(stack.gateway() + path)).header("X-Api-Key", stack.operatorKey())
                .GET());
    }

    private static HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(stack.gateway() + path)).header("Content-Type", "application/json")
                .header("X-Api-Key", stack.operatorKey()).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> anonymousGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(stack.gateway() + path)).GET());
    }

    private static String body(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

}
