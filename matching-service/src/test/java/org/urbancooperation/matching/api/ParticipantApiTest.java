package org.urbancooperation.matching.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.matching.matchingevent.persistence.KnownPartnerships;
import org.urbancooperation.support.testing.PaginationCheck;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import tools.jackson.databind.JsonNode;

/** Participants of matching events over HTTP: who takes part, who sees whom, availability within the event. */
class ParticipantApiTest extends ServiceApiTest {

    @Autowired
    KnownPartnerships partnerships;

    /** A Koriyama business with a profile; a new one for each test. */
    CallerIdentity business(String name, String city) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"id\": \"" + id + "\", "
                + BusinessProfileApiTest.profile(city, "p@" + id + ".example").strip().substring(1);
        assertThat(http().postJson("/api/v1/matching/profiles", body).statusCode()).isEqualTo(201);
        return CallerIdentity.business(id, id, "jwt");
    }

    /** The seed's online matching of November 2020: 08:00-11:00 UTC in six 30-minute slots. */
    String event() {
        UUID partnership = UUID.randomUUID();
        partnerships.record(new KnownPartnerships.Known(partnership, 1, "Essen - Koriyama",
                List.of("Essen", "Koriyama"), List.of("Europe/Berlin", "Asia/Tokyo"),
                List.of("city-of-essen", "city-of-koriyama")));
        HttpResponse<String> opened = http().postJson("/api/v1/matching/events", MatchingApiTest.ONLINE_MATCHING
                .formatted(partnership, "2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 30));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return "/api/v1/matching/events/" + ServiceHttp.json(opened).path("id").asString() + "/participants";
    }

    static String participation(String from, String until, int maxMeetings) {
        return "{\"availability\": [{\"startsAt\": \"%s\", \"endsAt\": \"%s\"}], \"maxMeetings\": %d}"
                .formatted(from, until, maxMeetings);
    }

    HttpResponse<String> put(CallerIdentity who, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(new ServiceHttp(port).uri(path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return as(who).send(request);
    }

    HttpResponse<String> delete(CallerIdentity who, String path) {
        return as(who).send(HttpRequest.newBuilder(new ServiceHttp(port).uri(path)).DELETE());
    }

    @Test
    void aBusinessOfThePartnershipsCitiesTakesPartAndPartnerStaffOfThePartnershipSeeIt() {
        String base = event();
        CallerIdentity robots = business("robots", "Koriyama");
        CallerIdentity hospitals = business("hospitals", "Essen");
        HttpResponse<String> joined = as(robots).postJson(base,
                participation("2020-11-18T08:00:00Z", "2020-11-18T10:00:00Z", 3));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
        String mine = joined.headers().firstValue("Location").orElseThrow();
        assertThat(mine).endsWith("/participants/" + robots.businessId());
        assertThat(as(robots).postJson(base, participation("2020-11-18T08:00:00Z", "2020-11-18T09:00:00Z", 1))
                .statusCode()).isEqualTo(409);

        assertThat(as(TestIdentities.ESSEN).get(base).body()).contains(robots.businessId());
        assertThat(as(TestIdentities.KORIYAMA).get(mine).statusCode()).isEqualTo(200);
        assertThat(http().get(base).body()).contains(robots.businessId());
        assertThat(as(TestIdentities.DUESSELDORF).get(base).statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.DUESSELDORF).get(mine).statusCode()).isEqualTo(404);
        assertThat(as(hospitals).get(base).body()).doesNotContain(robots.businessId());
        assertThat(as(hospitals).get(mine).statusCode()).isEqualTo(404);
        assertThat(put(hospitals, mine, participation("2020-11-18T08:00:00Z", "2020-11-18T09:00:00Z", 1))
                .statusCode()).isEqualTo(404);
        assertThat(anonymous().get(base).statusCode()).isEqualTo(401);
        assertThat(as(robots).get(base).body()).contains(robots.businessId());

        HttpResponse<String> changed = put(robots, mine, participation("2020-11-18T09:00:00Z",
                "2020-11-18T11:00:00Z", 4), "If-Match", "\"1\"");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(put(robots, mine, participation("2020-11-18T09:00:00Z", "2020-11-18T11:00:00Z", 2),
                "If-Match", "\"1\"").statusCode()).isEqualTo(412);

        JsonNode withdrawn = ServiceHttp.json(delete(robots, mine));
        assertThat(withdrawn.path("withdrawn").asBoolean()).isTrue();
        assertThat(delete(robots, mine).statusCode()).isEqualTo(409);
        HttpResponse<String> forOther = http().postJson(base, "{\"businessId\": \"" + hospitals.businessId() + "\", "
                + participation("2020-11-18T08:00:00Z", "2020-11-18T08:30:00Z", 1).substring(1));
        assertThat(forOther.statusCode()).as("operators register any business").isEqualTo(201);
        assertThat(as(robots).postJson(base, "{\"businessId\": \"" + hospitals.businessId() + "\", "
                + participation("2020-11-18T08:00:00Z", "2020-11-18T08:30:00Z", 1).substring(1)).statusCode())
                .isEqualTo(403);
        assertThat(as(TestIdentities.ESSEN).postJson(base,
                participation("2020-11-18T08:00:00Z", "2020-11-18T08:30:00Z", 1)).statusCode()).isEqualTo(403);
    }

    @Test
    void availabilityLiesWithinTheEventAndABusinessOfAnotherCityIsRefused() {
        String base = event();
        CallerIdentity robots = business("bad-robots", "Koriyama");
        assertProblem(as(robots).postJson(base, participation("2020-11-18T07:00:00Z", "2020-11-18T09:00:00Z", 1)),
                400, "availability[0].startsAt");
        assertProblem(as(robots).postJson(base, participation("2020-11-18T10:00:00Z", "2020-11-18T09:00:00Z", 1)),
                400, "availability[0].endsAt");
        assertProblem(as(robots).postJson(base, "{\"availability\": [{\"startsAt\": \"2020-11-18T08:00:00Z\", "
                + "\"endsAt\": \"2020-11-18T09:00:00Z\"}, {\"startsAt\": \"2020-11-18T08:30:00Z\", "
                + "\"endsAt\": \"2020-11-18T10:00:00Z\"}], \"maxMeetings\": 2}"), 400, "availability");
        assertProblem(as(robots).postJson(base, participation("2020-11-18T08:00:00Z", "2020-11-18T09:00:00Z", 7)),
                400, "maxMeetings");
        assertProblem(as(robots).postJson(base, "{\"availability\": [], \"maxMeetings\": 1}"), 400, "availability");
        assertProblem(as(robots).postJson(base, "{\"availability\": [{\"endsAt\": \"2020-11-18T09:00:00Z\"}], "
                + "\"maxMeetings\": 1}"), 400, "availability[0].startsAt");
        assertProblem(as(robots).postJson(base, "{\"availability\": [null], \"maxMeetings\": 1}"), 400,
                "availability[0]");
        assertProblem(as(robots).postJson(base, "{\"availability\": [{\"startsAt\": \"2020-11-18T08:00:00Z\", "
                + "\"endsAt\": \"2020-11-18T09:00:00Z\"}], \"maxMeetings\": 1, \"slots\": 3}"), 400, "slots");
        CallerIdentity elsewhere = business("elsewhere", "Duesseldorf");
        assertProblem(as(elsewhere).postJson(base, participation("2020-11-18T08:00:00Z", "2020-11-18T09:00:00Z", 1)),
                422, "businessId");
        assertThat(as(robots).postJson("/api/v1/matching/events/" + UUID.randomUUID() + "/participants",
                participation("2020-11-18T08:00:00Z", "2020-11-18T09:00:00Z", 1)).statusCode()).isEqualTo(404);
        assertThat(http().get(base).body()).doesNotContain(robots.businessId());
    }

    @Test
    void aParticipantDeclaresLanguagesAZoneAndBusinessHoursOrLeavesThemToItsProfile() {
        String base = event();
        CallerIdentity robots = business("hours-robots", "Koriyama");
        String withHours = "{\"availability\": [{\"startsAt\": \"2020-11-18T08:00:00Z\", \"endsAt\": "
                + "\"2020-11-18T11:00:00Z\"}], \"maxMeetings\": 3, \"languages\": [\"ja\", \"en\"], "
                + "\"timeZone\": \"Asia/Tokyo\", \"businessHours\": {\"from\": \"17:00\", \"to\": \"19:00\"}, "
                + "\"onlyInsideBusinessHours\": true}";
        for (String[] bad : new String[][] {
                {withHours.replace("[\"ja\", \"en\"]", "[\"jp\"]"), "languages[0]"},
                {withHours.replace("Asia/Tokyo", "+09:00"), "timeZone"},
                {withHours.replace(", \"to\": \"19:00\"", ""), "businessHours.to"},
                {withHours.replace("\"19:00\"", "\"16:00\""), "businessHours.from"},
                {withHours.replace("\"17:00\"", "\"5pm\""), "businessHours.from"},
                {withHours.replace(", \"businessHours\": {\"from\": \"17:00\", \"to\": \"19:00\"}", ""),
                        "onlyInsideBusinessHours"}}) {
            assertProblem(as(robots).postJson(base, bad[0]), 400, bad[1]);
        }
        HttpResponse<String> joined = as(robots).postJson(base, withHours);
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
        JsonNode shown = ServiceHttp.json(joined);
        assertThat(shown.path("timeZone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(shown.path("businessHours").path("from").asString()).startsWith("17:00");
        assertThat(shown.path("onlyInsideBusinessHours").asBoolean()).isTrue();
        assertThat(shown.path("languages")).extracting(JsonNode::asString).containsExactly("ja", "en");

        // A request of before constraints replaces them with the profile's defaults: no hours, any hour.
        String mine = joined.headers().firstValue("Location").orElseThrow();
        JsonNode plain = ServiceHttp.json(put(robots, mine, participation("2020-11-18T08:00:00Z",
                "2020-11-18T11:00:00Z", 3)));
        assertThat(plain.path("businessHours").isNull()).isTrue();
        assertThat(plain.path("languages").isNull()).isTrue();
        assertThat(plain.path("onlyInsideBusinessHours").asBoolean()).isFalse();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String naming) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains(naming);
    }

    @Test
    void theListPagesEveryParticipantExactlyOnce() {
        String base = event();
        PaginationCheck.of(http(), base).idField("businessId")
                .creating(() -> {
                    String business = business("paged", "Essen").businessId();
                    HttpResponse<String> joined = http().postJson(base, "{\"businessId\": \"" + business + "\", "
                            + participation("2020-11-18T08:00:00Z", "2020-11-18T09:00:00Z", 1).substring(1));
                    assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
                    return business;
                })
                .changing(business -> assertThat(put(TestIdentities.OPERATOR, base + "/" + business,
                        participation("2020-11-18T09:00:00Z", "2020-11-18T10:00:00Z", 2)).statusCode()).isEqualTo(200))
                .verify();
    }
}
