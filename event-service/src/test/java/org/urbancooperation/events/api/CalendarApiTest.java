package org.urbancooperation.events.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.contracts.matching.MeetingCancelled;
import org.urbancooperation.contracts.matching.MeetingRescheduled;
import org.urbancooperation.contracts.matching.MeetingScheduled;
import org.urbancooperation.contracts.partnership.OrganisationRegistered;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/** The calendar feeds over HTTP: who sees which, entity tags, and the personal feed's token life. */
class CalendarApiTest extends ServiceApiTest {

    static final String EVENT = """
            {"kind": "CONFERENCE", "format": "ONLINE", "title": "EU-Japan 100 Cities Event on Climate Action",
             "onlineLink": "https://example.org/live/100-cities", "organisers": ["iges"],
             "timeZone": "Europe/Brussels", "timeZones": ["Asia/Tokyo"],
             "startsAt": "2023-01-25T09:00", "endsAt": "2023-01-26T12:00", "languages": ["en", "ja"]}""";

    static final String AGENDA = """
            {"sessions": [
              {%s"kind": "OPENING_REMARKS", "titles": {"en": "Opening remarks"},
               "startsAt": "2023-01-25T09:00", "endsAt": "2023-01-25T09:15"},
              {%s"kind": "PANEL", "titles": {"en": "Panel 1: Energy Security and Resilience"},
               "startsAt": "%s", "endsAt": "%s", "channel": "Webinar room A"}]}""";

    /** Callers of their own: the other tests' feeds must not be theirs. */
    static final CallerIdentity CARDBOARD =
            CallerIdentity.business("er-koriyama", "er-koriyama", "jwt");
    static final CallerIdentity FUKUSHIMA =
            CallerIdentity.partner("fukushima", "fukushima-prefecture", "jwt");

    @Autowired
    MeterRegistry meters;
    @Autowired
    MongoDatabase database;

    @Test
    void anEventsFeedIsPublicOncePublishedAndAMovedSessionUpdatesInPlace() {
        registerOrganisation("iges");
        HttpResponse<String> created = http().postJson("/api/v1/events", EVENT);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String event = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> agenda = put(event + "/agenda", AGENDA.formatted("", "", "2023-01-25T09:45",
                "2023-01-25T10:40"));
        assertThat(agenda.statusCode()).as(agenda.body()).isEqualTo(200);

        assertThat(anonymous().get(event + "/calendar.ics").statusCode()).as("a draft, like its own read")
                .isEqualTo(404);
        assertThat(as(TestIdentities.ESSEN).get(event + "/calendar.ics").statusCode()).isEqualTo(404);
        HttpResponse<String> draft = http().get(event + "/calendar.ics");
        assertThat(draft.statusCode()).as("its organisers see it, without entries until published").isEqualTo(200);
        assertThat(draft.body()).contains("BEGIN:VCALENDAR").doesNotContain("BEGIN:VEVENT");

        assertThat(http().postJson(event + "/publish", "").statusCode()).isEqualTo(200);
        double served = meters.counter("ucp.calendar.feeds.served", "kind", "event").count();
        HttpResponse<String> feed = anonymous().get(event + "/calendar.ics");
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/calendar"));
        assertThat(feed.body().split("BEGIN:VEVENT", -1)).hasSize(3);
        assertThat(feed.body()).contains("DTSTART;TZID=Europe/Brussels:20230125T094500", "BEGIN:VTIMEZONE",
                "TZID:Europe/Brussels", "URL:https://example.org/live/100-cities", "LOCATION:Webinar room A");
        assertThat(meters.counter("ucp.calendar.feeds.served", "kind", "event").count()).isEqualTo(served + 1);
        String etag = feed.headers().firstValue("ETag").orElseThrow();
        assertThat(anonymous().get(event + "/calendar.ics", "If-None-Match", etag).statusCode()).isEqualTo(304);

        JsonNode sessions = ServiceHttp.json(http().get(event + "/agenda")).path("days").get(0).path("sessions");
        String opening = sessions.get(0).path("id").asString();
        String panel = sessions.get(1).path("id").asString();
        HttpResponse<String> one = anonymous().get(event + "/sessions/" + panel + "/calendar.ics");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(one.body().split("BEGIN:VEVENT", -1)).hasSize(2);
        assertThat(one.body()).contains("UID:" + panel + "@urban-cooperation", "SEQUENCE:0");
        HttpResponse<String> unknown = anonymous().get(event + "/sessions/" + java.util.UUID.randomUUID()
                + "/calendar.ics");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(anonymous().get(event + "/sessions/not-a-uuid/calendar.ics").statusCode()).isEqualTo(400);

        assertThat(put(event + "/agenda", AGENDA.formatted("\"id\": \"" + opening + "\", ", "\"id\": \"" + panel
                + "\", ", "2023-01-25T10:00", "2023-01-25T10:55")).statusCode()).isEqualTo(200);
        assertThat(http().postJson(event + "/agenda/publish", "").statusCode()).isEqualTo(200);
        HttpResponse<String> moved = anonymous().get(event + "/calendar.ics", "If-None-Match", etag);
        assertThat(moved.statusCode()).as("changed: a new entity tag").isEqualTo(200);
        HttpResponse<String> movedPanel = anonymous().get(event + "/sessions/" + panel + "/calendar.ics");
        assertThat(movedPanel.body()).contains("SEQUENCE:1", "DTSTART;TZID=Europe/Brussels:20230125T100000");
        assertThat(anonymous().get(event + "/sessions/" + opening + "/calendar.ics").body()).contains("SEQUENCE:0");

        assertThat(http().postJson(event + "/cancel", "{\"reason\": \"Travel restrictions\"}").statusCode())
                .isEqualTo(200);
        String cancelled = anonymous().get(event + "/calendar.ics").body();
        assertThat(cancelled.split("STATUS:CANCELLED", -1)).as("every entry").hasSize(3);
    }

    @Test
    void aPersonalFeedListsTheSessionsOfConfirmedRegistrationsOnly() {
        registerOrganisation("iges");
        HttpResponse<String> created = http().postJson("/api/v1/events", EVENT.replace("\"languages\"",
                "\"capacity\": 1, \"languages\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String event = created.headers().firstValue("Location").orElseThrow();
        assertThat(put(event + "/agenda", AGENDA.formatted("", "", "2023-01-25T09:45", "2023-01-25T10:40"))
                .statusCode()).isEqualTo(200);
        assertThat(http().postJson(event + "/publish", "").statusCode()).isEqualTo(200);
        JsonNode sessions = ServiceHttp.json(http().get(event + "/agenda")).path("days").get(0).path("sessions");
        String panel = sessions.get(1).path("id").asString();
        String opening = sessions.get(0).path("id").asString();

        // A business takes the one place, for the panel only; the prefecture's staff wait.
        HttpResponse<String> confirmed = as(CARDBOARD).postJson(event + "/registrations",
                "{\"role\": \"ATTENDEE\", \"name\": \"Emergency rooms of cardboard\", \"sessionIds\": [\"" + panel + "\"]}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
        assertThat(ServiceHttp.json(confirmed).path("status").asString()).isEqualTo("CONFIRMED");
        HttpResponse<String> waiting = as(FUKUSHIMA).postJson(event + "/registrations",
                "{\"role\": \"DELEGATE\", \"name\": \"Fukushima Prefecture\"}");
        assertThat(ServiceHttp.json(waiting).path("status").asString()).isEqualTo("WAITLISTED");

        String businessFeed = feedOf(CARDBOARD);
        String mine = anonymous().get(businessFeed).body();
        assertThat(mine).contains("UID:" + panel + "@urban-cooperation").doesNotContain("UID:" + opening + "@");
        String prefectureFeed = feedOf(FUKUSHIMA);
        assertThat(anonymous().get(prefectureFeed).body()).as("waitlisted: nothing yet").doesNotContain("BEGIN:VEVENT");

        // The place frees; the prefecture is promoted and its feed now holds the whole event's sessions.
        String registration = ServiceHttp.json(confirmed).path("id").asString();
        String etag = confirmed.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> cancelled = as(CARDBOARD).send(HttpRequest.newBuilder(
                as(CARDBOARD).uri(event + "/registrations/" + registration)).header("If-Match", etag)
                .DELETE());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(anonymous().get(prefectureFeed).body()).contains("UID:" + panel + "@urban-cooperation",
                "UID:" + opening + "@urban-cooperation");
        assertThat(anonymous().get(businessFeed).body()).doesNotContain("BEGIN:VEVENT");
    }

    /** Businesses of their own for the meetings' feeds; a partner's staff has no business, so no meetings. */
    static final CallerIdentity ROBOTS = CallerIdentity.business("robots-staff", "robots-of-koriyama", "jwt");
    static final CallerIdentity HOSPITALS = CallerIdentity.business("hospitals-staff", "hospitals-of-essen", "jwt");
    static final CallerIdentity BYSTANDER = CallerIdentity.business("bystander-staff", "bystander-gmbh", "jwt");
    static final CallerIdentity AGENCY_STAFF = CallerIdentity.partner("agency-staff", "energy-agency-nrw", "jwt");

    @Test
    void aBusinessFeedListsItsMeetingsFromMatchingServiceAndUpdatesThemInPlace() {
        String robots = feedOf(ROBOTS);
        String hospitals = feedOf(HOSPITALS);
        String bystander = feedOf(BYSTANDER);
        UUID meetingId = UUID.randomUUID();
        UUID matchingEventId = UUID.randomUUID();
        UUID matchId = UUID.randomUUID();
        List<String> pair = List.of("robots-of-koriyama", "hospitals-of-essen");
        Instant startsAt = Instant.parse("2026-01-20T08:00:00Z");
        Instant movedTo = Instant.parse("2026-01-20T09:00:00Z");
        var raw = KafkaTestClients.rawTemplate(brokers);
        String uid = "UID:" + meetingId + "@urban-cooperation";

        raw.send(Topics.MEETINGS, meetingId.toString(), meetingBytes(new MeetingScheduled(meetingId, matchingEventId,
                matchId, pair, startsAt, startsAt.plusSeconds(1800), "Europe/Berlin", 3, null, "de-ja", 0,
                "Essen-Koriyama business matching"), 1));
        raw.flush();
        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous().get(robots).body().contains(uid));
        String scheduled = anonymous().get(robots).body();
        assertThat(scheduled).contains("SEQUENCE:0", "STATUS:CONFIRMED", "DTSTART;TZID=Europe/Berlin:20260120T090000",
                "LOCATION:Table 3", "TZID:Europe/Berlin");
        assertThat(unfolded(scheduled)).contains(
                "SUMMARY:B2B meeting: hospitals-of-essen \u2014 Essen-Koriyama business matching");
        assertThat(unfolded(anonymous().get(hospitals).body())).contains(uid,
                "SUMMARY:B2B meeting: robots-of-koriyama \u2014 Essen-Koriyama business matching");
        String etag = anonymous().get(robots).headers().firstValue("ETag").orElseThrow();

        // Moved online an hour later; the scheduling event redelivered after it changes nothing.
        double staleBefore = consumedMeetings("matching.MeetingScheduled", "stale");
        raw.send(Topics.MEETINGS, meetingId.toString(), meetingBytes(new MeetingRescheduled(meetingId,
                matchingEventId, matchId, pair, movedTo, movedTo.plusSeconds(1800), "Europe/Berlin", null,
                "https://meet.example.org/ucp/room-7", "de-ja", 1, "Essen-Koriyama business matching"), 2));
        raw.send(Topics.MEETINGS, meetingId.toString(), meetingBytes(new MeetingScheduled(meetingId, matchingEventId,
                matchId, pair, startsAt, startsAt.plusSeconds(1800), "Europe/Berlin", 3, null, "de-ja", 0,
                "Essen-Koriyama business matching"), 1));
        raw.flush();
        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous().get(robots).body().contains("SEQUENCE:1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> consumedMeetings("matching.MeetingScheduled", "stale")
                == staleBefore + 1);
        HttpResponse<String> moved = anonymous().get(robots, "If-None-Match", etag);
        assertThat(moved.statusCode()).as("changed: a new entity tag").isEqualTo(200);
        assertThat(moved.body().split("BEGIN:VEVENT", -1)).as("updated in place, not added").hasSize(2);
        assertThat(moved.body()).contains(uid, "SEQUENCE:1", "DTSTART;TZID=Europe/Berlin:20260120T100000",
                "URL:https://meet.example.org/ucp/room-7").doesNotContain("SEQUENCE:0", "LOCATION:Table 3");

        raw.send(Topics.MEETINGS, meetingId.toString(), meetingBytes(new MeetingCancelled(meetingId,
                matchingEventId, matchId, pair, movedTo, movedTo.plusSeconds(1800), "Europe/Berlin", null,
                "https://meet.example.org/ucp/room-7", "de-ja", 2, "Essen-Koriyama business matching",
                "A participant dropped out"), 3));
        raw.flush();
        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous().get(hospitals).body()
                .contains("STATUS:CANCELLED"));
        assertThat(anonymous().get(hospitals).body()).as("kept in the feed, cancelled").contains(uid, "SEQUENCE:2");
        assertThat(anonymous().get(robots).body()).contains(uid, "STATUS:CANCELLED");

        assertThat(anonymous().get(bystander).body()).as("another business's feed").doesNotContain(uid)
                .doesNotContain("BEGIN:VEVENT");
        assertThat(anonymous().get(feedOf(AGENCY_STAFF)).body()).as("a partner's staff has no business")
                .doesNotContain(uid);
    }

    @Test
    void aFeedIssuedBeforeFeedsRecordedTheBusinessListsNoMeetingsUntilItsOwnerAsksForItAgain() throws Exception {
        CallerIdentity earlyBird = CallerIdentity.business("early-staff", "early-robotics", "jwt");
        String token = "E".repeat(43);
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        // As calendar_feeds held it before: no businessId.
        database.getCollection("calendar_feeds").insertOne(new Document("_id", "early-staff")
                .append("tokenHash", hash).append("issuedAt", new java.util.Date()));
        UUID meetingId = UUID.randomUUID();
        Instant startsAt = Instant.parse("2026-02-03T01:00:00Z");
        var raw = KafkaTestClients.rawTemplate(brokers);
        raw.send(Topics.MEETINGS, meetingId.toString(), meetingBytes(new MeetingScheduled(meetingId, UUID.randomUUID(),
                UUID.randomUUID(), List.of("early-robotics", "hospitals-of-essen"), startsAt,
                startsAt.plusSeconds(1200), null, null, "https://meet.example.org/ucp/room-2", null, 0, null), 1));
        raw.flush();
        await().atMost(Duration.ofSeconds(20)).until(() -> database.getCollection("known_meetings")
                .find(new Document("_id", meetingId.toString())).first() != null);

        String url = "/api/v1/calendars/" + token + ".ics";
        HttpResponse<String> before = anonymous().get(url);
        assertThat(before.statusCode()).as("still served").isEqualTo(200);
        assertThat(before.body()).doesNotContain("BEGIN:VEVENT");

        HttpResponse<String> again = as(earlyBird).postJson("/api/v1/calendars", "");
        assertThat(again.statusCode()).as("the same feed, its token unchanged").isEqualTo(200);
        String after = anonymous().get(url).body();
        assertThat(after).contains("UID:" + meetingId + "@urban-cooperation", "SUMMARY:B2B meeting: hospitals-of-essen",
                "DTSTART;TZID=UTC:20260203T010000", "URL:https://meet.example.org/ucp/room-2");
    }

    /** iCalendar folds lines longer than 75 octets; the summary is read back whole. */
    private static String unfolded(String ics) {
        return ics.replace("\r\n ", "").replace("\n ", "");
    }

    private byte[] meetingBytes(IntegrationEvent event, long aggregateVersion) {
        return mapper.toBytes(mapper.envelope(event, aggregateVersion, "matching-service", null, Clock.systemUTC()));
    }

    private double consumedMeetings(String type, String outcome) {
        var counter = meters.find("ucp.events.consumed").tags("type", type, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private String feedOf(CallerIdentity identity) {
        HttpResponse<String> issued = as(identity).postJson("/api/v1/calendars", "");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return ServiceHttp.json(issued).path("url").asString();
    }

    @Test
    void aPersonalFeedIsIssuedOnceReadWithoutCredentialsAndRevoked() {
        double issued = meters.counter("ucp.calendar.tokens.issued").count();
        double revoked = meters.counter("ucp.calendar.tokens.revoked").count();
        assertThat(anonymous().postJson("/api/v1/calendars", "").statusCode()).isEqualTo(401);
        assertThat(delete(anonymous(), "/api/v1/calendars/mine").statusCode()).isEqualTo(401);

        HttpResponse<String> first = as(TestIdentities.HYDROGEN).postJson("/api/v1/calendars", "");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode body = ServiceHttp.json(first);
        String token = body.path("token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        String url = body.path("url").asString();
        assertThat(url).isEqualTo("/api/v1/calendars/" + token + ".ics");
        assertThat(first.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(meters.counter("ucp.calendar.tokens.issued").count()).isEqualTo(issued + 1);

        HttpResponse<String> again = as(TestIdentities.HYDROGEN).postJson("/api/v1/calendars", "");
        assertThat(again.statusCode()).as("one feed each; its token was shown once").isEqualTo(200);
        assertThat(ServiceHttp.json(again).path("token").isNull()).isTrue();
        assertThat(database.getCollection("calendar_feeds").find().into(new java.util.ArrayList<Document>()))
                .as("only a hash is stored").noneMatch(d -> d.toJson().contains(token));

        HttpResponse<String> feed = anonymous().get(url);
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        assertThat(feed.body()).as("nothing registered yet: empty, but a calendar").contains("BEGIN:VCALENDAR",
                "END:VCALENDAR").doesNotContain("BEGIN:VEVENT");
        assertThat(anonymous().get(url, "If-None-Match", feed.headers().firstValue("ETag").orElseThrow())
                .statusCode()).isEqualTo(304);
        double unknown = meters.counter("ucp.calendar.tokens.unknown").count();
        double served = meters.counter("ucp.calendar.feeds.served", "kind", "personal").count();
        assertThat(anonymous().get("/api/v1/calendars/" + "A".repeat(43) + ".ics").statusCode()).isEqualTo(404);
        assertThat(anonymous().get("/api/v1/calendars/short.ics").statusCode()).isEqualTo(404);
        assertThat(anonymous().get("/api/v1/calendars/short.ics", "Accept", "text/calendar").statusCode())
                .as("what calendar programs accept: still the 404").isEqualTo(404);
        assertThat(meters.counter("ucp.calendar.tokens.unknown").count()).isEqualTo(unknown + 3);
        assertThat(meters.counter("ucp.calendar.feeds.served", "kind", "personal").count()).isEqualTo(served);

        HttpResponse<String> other = as(TestIdentities.KORIYAMA).postJson("/api/v1/calendars", "");
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(ServiceHttp.json(other).path("token").asString()).isNotEqualTo(token);

        assertThat(delete(as(TestIdentities.HYDROGEN), "/api/v1/calendars/mine").statusCode()).isEqualTo(204);
        assertThat(meters.counter("ucp.calendar.tokens.revoked").count()).isEqualTo(revoked + 1);
        assertThat(anonymous().get(url).statusCode()).as("revoked").isEqualTo(404);
        assertThat(delete(as(TestIdentities.HYDROGEN), "/api/v1/calendars/mine").statusCode()).isEqualTo(404);
        assertThat(anonymous().get(ServiceHttp.json(other).path("url").asString()).statusCode())
                .as("another participant's feed is untouched").isEqualTo(200);
        HttpResponse<String> renewed = as(TestIdentities.HYDROGEN).postJson("/api/v1/calendars", "");
        assertThat(renewed.statusCode()).isEqualTo(201);
        assertThat(ServiceHttp.json(renewed).path("token").asString()).isNotEqualTo(token);
    }

    private HttpResponse<String> put(String path, String json) {
        return http().send(HttpRequest.newBuilder(http().uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> delete(ServiceHttp client, String path) {
        return client.send(HttpRequest.newBuilder(client.uri(path)).DELETE());
    }

    private void registerOrganisation(String id) {
        var raw = KafkaTestClients.rawTemplate(brokers);
        raw.send(Topics.ORGANISATIONS, id, envelopeBytes(new OrganisationRegistered(id, Map.of("en", id),
                "ASSOCIATION", "essen", List.of(), null)));
        raw.flush();
    }

    private byte[] envelopeBytes(IntegrationEvent event) {
        return mapper.toBytes(mapper.envelope(event, 1, "partnership-service", null, Clock.systemUTC()));
    }
}
