package org.urbancooperation.events.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.contracts.identity.CallerIdentity;
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
