package org.urbancooperation.matching.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.matching.meeting.domain.Meeting;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.ServiceHttp;

import tools.jackson.databind.JsonNode;

/**
 * Matching events in meeting blocks over HTTP: local times on the event's clocks with the agenda's rules for gaps and
 * overlaps, breaks, tables and interpreters per block, and a schedule that keeps to them.
 */
class MeetingBlockApiTest extends ScheduledEventFixture {

    /** A trade fair day in Essen and an online hour the next day, on Essen's clocks. */
    static final String TWO_BLOCKS = """
            {"partnershipId": "%s", "title": "Essen - Koriyama business matching", "timeZone": "Europe/Berlin",
             "blocks": [
               {"startsAt": "2020-11-18T09:00", "endsAt": "2020-11-18T11:00", "slotMinutes": 30,
                "breaks": [{"startsAt": "2020-11-18T10:00", "endsAt": "2020-11-18T10:15"}], "tables": 1,
                "interpreters": [{"languages": ["de", "ja"], "count": 1}]},
               {"startsAt": "2020-11-19T14:00+01:00", "endsAt": "2020-11-19T15:00+01:00", "slotMinutes": 60,
                "tables": 1}]}""";

    @Test
    void anEventInBlocksHasTheSlotsOfItsBlocksOutsideTheirBreaks() {
        String event = openEvent(TWO_BLOCKS.formatted(knownPartnership()));
        JsonNode read = ServiceHttp.json(http().get(event));
        assertThat(read.path("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(read.path("blocks")).hasSize(2);
        assertThat(read.path("blocks").get(0).path("interpreters").get(0).path("count").asInt()).isEqualTo(1);
        assertThat(read.path("startsAt").asString()).isEqualTo("2020-11-18T08:00:00Z");
        assertThat(read.path("endsAt").asString()).isEqualTo("2020-11-19T14:00:00Z");
        assertThat(read.path("slotCount").asInt()).isEqualTo(4);
        assertThat(read.path("slots")).extracting(s -> s.path("startsAt").asString()).containsExactly(
                "2020-11-18T08:00:00Z", "2020-11-18T08:30:00Z", "2020-11-18T09:15:00Z", "2020-11-19T13:00:00Z");

        // An event of before blocks reads as it always did: one span, no blocks.
        JsonNode plain = ServiceHttp.json(http().get(openEvent("2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 30)));
        assertThat(plain.path("blocks")).isEmpty();
        assertThat(plain.path("slotCount").asInt()).isEqualTo(6);
    }

    @Test
    void blocksKeepTheAgendasRulesAndNameTheFieldOfAMistake() {
        String valid = TWO_BLOCKS.formatted(knownPartnership());
        String[][] bad = {
                // 02:30 does not exist in Berlin on 28 March 2021; 02:30 happens twice on 31 October 2021.
                {valid.replace("2020-11-18T09:00\"", "2021-03-28T02:30\""), "blocks[0].startsAt"},
                {valid.replace("\"2020-11-19T14:00+01:00\"", "\"2021-10-31T02:30\"")
                        .replace("\"2020-11-19T15:00+01:00\"", "\"2021-10-31T04:00\""), "blocks[1].startsAt"},
                {valid.replace("2020-11-19T14:00+01:00", "2020-11-18T10:30+01:00")
                        .replace("2020-11-19T15:00+01:00", "2020-11-18T11:30+01:00"), "blocks"},
                {valid.replace("\"timeZone\": \"Europe/Berlin\",", ""), "timeZone"},
                {valid.replace("\"timeZone\": \"Europe/Berlin\"", "\"timeZone\": \"+01:00\""), "timeZone"},
                {valid.replace("\"blocks\":", "\"startsAt\": \"2020-11-18T08:00:00Z\", \"blocks\":"), "startsAt"},
                {valid.replace("\"blocks\":", "\"slotMinutes\": 30, \"blocks\":"), "slotMinutes"},
                {"{\"partnershipId\": \"" + partnership + "\", \"title\": \"No times\", \"timeZone\": \"Europe/Berlin\"}",
                        "blocks"},
                {valid.replace("[\"de\", \"ja\"]", "[\"de\"]"), "blocks[0].interpreters[0].languages"},
                {valid.replace("\"count\": 1", "\"count\": -1"), "blocks[0].interpreters[0].count"},
                {valid.replace("\"2020-11-18T10:15\"", "\"2020-11-18T11:15\""), "blocks[0].breaks[0]"},
                {valid.replace("\"2020-11-18T11:00\"", "\"tomorrow\""), "blocks[0].endsAt"},
                {valid.replace("\"tables\": 1}", "\"tables\": 0}"), "blocks[1].tables"},
                {valid.replace(", \"slotMinutes\": 60", ""), "blocks[1].slotMinutes"},
                {MatchingApiTest.ONLINE_MATCHING.formatted(partnership, "2020-11-18T08:00:00Z",
                        "2020-11-18T11:00:00Z", 30).replace(", \"slotMinutes\": 30", ""), "slotMinutes"}};
        for (String[] b : bad) {
            HttpResponse<String> refused = http().postJson(EVENTS, b[0]);
            assertThat(refused.statusCode()).as(b[1] + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).as(b[0]).contains("\"" + b[1]);
        }
    }

    @Test
    void anOnlineBlocksMeetingsGetTheLinkOfTheirVirtualRoom() {
        String online = """
                {"partnershipId": "%s", "title": "Essen - Koriyama online business matching", "timeZone": "Europe/Berlin",
                 "blocks": [{"startsAt": "2020-11-18T09:00", "endsAt": "2020-11-18T10:00", "slotMinutes": 30,
                             "tables": 2, "roomLink": "https://meet.example.org/essen-koriyama/room-{room}"}]}""";
        String event = openEvent(online.formatted(knownPartnership()));
        assertThat(ServiceHttp.json(http().get(event)).path("blocks").get(0).path("roomLink").asString())
                .isEqualTo("https://meet.example.org/essen-koriyama/room-{room}");
        CallerIdentity clinic = essen("clinic");
        CallerIdentity robots = koriyama("robots");
        CallerIdentity rooms = koriyama("rooms");
        for (CallerIdentity b : List.of(clinic, robots, rooms)) {
            join(b, "2020-11-18T08:00:00Z", "2020-11-18T09:00:00Z", 2);
        }
        UUID first = confirmed(clinic, robots);
        UUID second = confirmed(clinic, rooms);
        released("\"0\"");
        for (UUID match : List.of(first, second)) {
            JsonNode meeting = ServiceHttp.json(as(clinic).get("/api/v1/matching/meetings/"
                    + Meeting.idOf(eventId, match.toString())));
            assertThat(meeting.path("roomLink").asString())
                    .isEqualTo("https://meet.example.org/essen-koriyama/room-" + meeting.path("table").asInt());
        }

        for (String[] bad : new String[][] {{"https://meet.example.org/room-1", "no {room}"},
                {"ftp://meet.example.org/room-{room}", "not http(s)"}, {"https://meet example/{room}", "no link"}}) {
            HttpResponse<String> refused = http().postJson(EVENTS, online.formatted(partnership)
                    .replace("https://meet.example.org/essen-koriyama/room-{room}", bad[0]));
            assertThat(refused.statusCode()).as(bad[1] + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).as(bad[1]).contains("\"blocks[0].roomLink");
        }
    }

    @Test
    void theScheduleKeepsToTheBlocksTablesAndInterpretersAndSaysWhatTheTablesLeftOut() {
        openEvent(TWO_BLOCKS.formatted(knownPartnership()));
        CallerIdentity onlyGerman = business("clinic", "Essen", "[\"de\"]", "Europe/Berlin");
        CallerIdentity onlyJapanese = business("robots", "Koriyama", "[\"ja\"]", "Asia/Tokyo");
        CallerIdentity e1 = essen("hospital");
        CallerIdentity e2 = essen("pharmacy");
        CallerIdentity e3 = essen("laboratory");
        CallerIdentity k1 = koriyama("hydrogen");
        CallerIdentity k2 = koriyama("sensors");
        for (CallerIdentity b : List.of(onlyGerman, onlyJapanese, e1, e2, e3, k1, k2)) {
            join(b, "2020-11-18T08:00:00Z", "2020-11-19T14:00:00Z", 2);
        }
        // Considered first, so that which match the tables leave out is never the interpreted one.
        UUID interpreted = confirmedFirst(onlyGerman, onlyJapanese);
        confirmed(e1, k1);
        confirmed(e2, k2);
        confirmed(e3, k1);
        confirmed(e1, k2);

        JsonNode planned = ServiceHttp.json(http().get(EVENTS + "/" + eventId + "/schedule/preview"));
        JsonNode statistics = planned.path("statistics");
        assertThat(statistics.path("meetingsPlaced").asInt()).as("one table in each of four slots").isEqualTo(4);
        assertThat(statistics.path("tableUtilisation").asDouble()).isEqualTo(1.0);
        assertThat(statistics.path("interpretedMeetings").asInt()).isEqualTo(1);
        assertThat(planned.path("unplaced")).hasSize(1);
        assertThat(planned.path("unplaced").get(0).path("reason").asString()).isEqualTo("NO_TABLE");
        for (JsonNode meeting : planned.path("meetings")) {
            assertThat(meeting.path("table").asInt()).isEqualTo(1);
            if (meeting.path("businessIds").toString().contains(onlyGerman.businessId())) {
                assertThat(meeting.path("interpreter").asString()).isEqualTo("de-ja");
                assertThat(meeting.path("startsAt").asString()).as("interpreters are on duty in the first block")
                        .startsWith("2020-11-18");
            } else {
                assertThat(meeting.path("interpreter").isNull()).isTrue();
            }
        }
        JsonNode released = released("\"0\"");
        assertThat(released.path("statistics").path("matchesUnplaced").asInt()).isEqualTo(1);

        // The meeting events carry the event's zone and the interpreter for the calendar entries.
        UUID meetingId = Meeting.idOf(eventId, interpreted.toString());
        JsonNode scheduled = mapper.fromBytes(KafkaTestClients.readWithKey(brokers, Topics.MEETINGS,
                meetingId.toString(), 1).get(0).value()).payload();
        assertThat(scheduled.path("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(scheduled.path("interpreter").asString()).isEqualTo("de-ja");
        assertThat(scheduled.path("table").asInt()).isEqualTo(1);
    }
    @Test
    void theOrganiserMovesABlockAndTheNextReleaseMovesOnlyTheMeetingWhoseSlotIsGone() {
        String event = openEvent(TWO_BLOCKS.formatted(knownPartnership()));
        CallerIdentity clinic = essen("clinic");
        CallerIdentity robots = koriyama("robots");
        CallerIdentity hydrogen = koriyama("hydrogen");
        for (CallerIdentity b : List.of(clinic, robots, hydrogen)) {
            join(b, "2020-11-18T08:00:00Z", "2020-11-19T14:00:00Z", 2);
        }
        UUID first = confirmedFirst(clinic, robots);
        UUID second = confirmed(clinic, hydrogen);
        JsonNode one = released("\"0\"");
        assertThat(one.path("meetings")).extracting(m -> m.path("startsAt").asString())
                .containsExactly("2020-11-18T08:00:00Z", "2020-11-18T08:30:00Z");

        // The fair's first block opens half an hour later, at 09:30 in Essen: the 09:00 slot is gone.
        String later = """
                {"timeZone": "Europe/Berlin", "blocks": [
                  {"startsAt": "2020-11-18T09:30", "endsAt": "2020-11-18T11:00", "slotMinutes": 30,
                   "breaks": [{"startsAt": "2020-11-18T10:00", "endsAt": "2020-11-18T10:15"}], "tables": 1},
                  {"startsAt": "2020-11-19T14:00", "endsAt": "2020-11-19T15:00", "slotMinutes": 60, "tables": 1}]}""";
        String blocks = event + "/blocks";
        assertThat(send(as(clinic), "PUT", blocks, later).statusCode()).isEqualTo(403);
        assertThat(send(as(org.urbancooperation.support.testing.TestIdentities.DUESSELDORF), "PUT", blocks, later)
                .statusCode()).isEqualTo(403);
        assertThat(send(http(), "PUT", blocks, later, "If-Match", "\"7\"").statusCode()).isEqualTo(412);
        HttpResponse<String> gap = send(http(), "PUT", blocks, later.replace("2020-11-18T09:30", "2021-03-28T02:30"));
        assertThat(gap.statusCode()).isEqualTo(400);
        assertThat(gap.body()).contains("blocks[0].startsAt");
        HttpResponse<String> moved = send(as(org.urbancooperation.support.testing.TestIdentities.ESSEN), "PUT",
                blocks, later, "If-Match", "\"1\"");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(moved.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(ServiceHttp.json(moved).path("startsAt").asString()).isEqualTo("2020-11-18T08:30:00Z");

        JsonNode two = released("\"1\"");
        assertThat(two.path("changes").path("moved").asInt()).isEqualTo(1);
        assertThat(two.path("changes").path("items").get(0).path("matchId").asString()).isEqualTo(first.toString());
        assertThat(two.path("changes").path("affectedBusinesses")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder(clinic.businessId(), robots.businessId());
        assertThat(KafkaTestClients.readWithKey(brokers, Topics.MEETINGS,
                Meeting.idOf(eventId, first.toString()).toString(), 2)).hasSize(2);
        JsonNode kept = ServiceHttp.json(http().get("/api/v1/matching/meetings/" + Meeting.idOf(eventId,
                second.toString())));
        assertThat(kept.path("startsAt").asString()).isEqualTo("2020-11-18T08:30:00Z");
        assertThat(kept.path("sequence").asInt()).isZero();
    }
}
