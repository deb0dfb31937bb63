package org.urbancooperation.matching.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.contracts.identity.IdentityTokens;
import org.urbancooperation.matching.meeting.domain.Meeting;
import org.urbancooperation.matching.testing.MutableClock;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import tools.jackson.databind.JsonNode;

/**
 * Meetings over HTTP and on the topic: who sees which, check-in by either side until it is held, outcomes by the
 * organisers, the service closing what nobody closed, and the slot on each participant's clocks across a change of
 * daylight saving time.
 */
@Import(MeetingApiTest.Clocks.class)
@TestPropertySource(properties = {"ucp.matching.meeting-close-after=1h", "ucp.matching.meeting-close-interval=200ms",
        "ucp.metrics.meetings-interval=200ms"})
class MeetingApiTest extends ScheduledEventFixture {

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }

    static final String MEETINGS = "/api/v1/matching/meetings";

    @Autowired
    MutableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** The identity header of {@code who} on the moved clock (a signed identity is checked against it). */
    String[] later(CallerIdentity who) {
        return new String[] {IdentityTokens.HEADER, TestIdentities.tokenAt(who, clock)};
    }

    static String[] with(String[] headers, String... more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    String meeting(UUID match) {
        return MEETINGS + "/" + Meeting.idOf(eventId, match.toString());
    }

    @Test
    void eachSideChecksInUntilItIsHeldOrganisersRecordOutcomesAndWhatNobodyClosedBecomesANoShow() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(3));
        openEvent(start.toString(), start.plus(Duration.ofHours(2)).toString(), 30);
        CallerIdentity clinic = essen("clinic");
        CallerIdentity hospital = essen("hospital");
        CallerIdentity robots = koriyama("robots");
        CallerIdentity hydrogen = koriyama("hydrogen");
        for (CallerIdentity b : List.of(clinic, hospital, robots, hydrogen)) {
            join(b, start.toString(), start.plus(Duration.ofHours(2)).toString(), 4);
        }
        UUID clinicRobots = confirmed(clinic, robots);
        UUID hospitalHydrogen = confirmed(hospital, hydrogen);
        UUID clinicHydrogen = confirmed(clinic, hydrogen);
        released("\"0\"");

        // Who sees which.
        String byEvent = MEETINGS + "?matchingEventId=" + eventId;
        assertThat(ServiceHttp.json(as(clinic).get(byEvent)).path("items")).hasSize(2);
        assertThat(as(clinic).get(byEvent).body()).doesNotContain(hospital.businessId());
        assertThat(ServiceHttp.json(as(TestIdentities.ESSEN).get(byEvent)).path("items")).hasSize(3);
        assertThat(ServiceHttp.json(as(TestIdentities.DUESSELDORF).get(byEvent)).path("items")).isEmpty();
        assertThat(ServiceHttp.json(http().get(byEvent + "&status=SCHEDULED")).path("items")).hasSize(3);
        assertThat(ServiceHttp.json(http().get(byEvent + "&status=HELD")).path("items")).isEmpty();
        assertThat(anonymous().get(byEvent).statusCode()).isEqualTo(401);
        assertThat(http().get(byEvent + "&status=LATE").body()).contains("status");
        assertThat(http().get(byEvent + "&status=LATE").statusCode()).isEqualTo(400);
        assertThat(http().get(byEvent + "&tz=Mars/Olympus").statusCode()).isEqualTo(400);
        String withRobots = meeting(clinicRobots);
        JsonNode read = ServiceHttp.json(as(robots).get(withRobots));
        assertThat(read.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(read.path("localTimes")).extracting(t -> t.path("timeZone").asString())
                .containsExactly("Europe/Berlin", "Asia/Tokyo");
        assertThat(as(hospital).get(withRobots).statusCode()).isEqualTo(404);
        assertThat(as(TestIdentities.DUESSELDORF).get(withRobots).statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.KORIYAMA).get(withRobots).statusCode()).isEqualTo(200);
        assertThat(anonymous().get(withRobots).statusCode()).isEqualTo(401);
        assertThat(http().get(MEETINGS + "/" + UUID.randomUUID()).statusCode()).isEqualTo(404);

        assertThat(http().postJson(meeting(clinicHydrogen) + "/outcome", "{\"status\": \"NO_SHOW\"}").statusCode())
                .as("a no-show only once the slot is over").isEqualTo(409);

        // Check-in opens 15 minutes before the slot.
        assertThat(as(clinic).postJson(withRobots + "/check-in", "").statusCode()).isEqualTo(409);
        clock.advance(Duration.between(Instant.now(), Instant.parse(read.path("startsAt").asString())));
        HttpResponse<String> first = anonymous().postJson(withRobots + "/check-in", "", later(clinic));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(ServiceHttp.json(first).path("checkedIn")).extracting(JsonNode::asString)
                .containsExactly(clinic.businessId());
        assertThat(ServiceHttp.json(first).path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(anonymous().postJson(withRobots + "/check-in", "", later(hospital)).statusCode()).isEqualTo(404);
        assertThat(anonymous().postJson(withRobots + "/check-in", "", later(TestIdentities.OPERATOR)).statusCode())
                .isEqualTo(403);
        assertThat(anonymous().postJson(withRobots + "/check-in", "", with(later(robots), "If-Match", "\"1\""))
                .statusCode()).isEqualTo(412);
        HttpResponse<String> second = anonymous().postJson(withRobots + "/check-in", "", with(later(robots),
                "If-Match", first.headers().firstValue("ETag").orElseThrow()));
        assertThat(ServiceHttp.json(second).path("status").asString()).isEqualTo("HELD");

        List<ConsumerRecord<String, byte[]>> facts = KafkaTestClients.readWithKey(brokers, Topics.MATCHING_EVENTS,
                eventId.toString(), 1);
        assertThat(facts).extracting(r -> KafkaTestClients.header(r, KafkaHeaders.TYPE))
                .contains("matching.MeetingHeld");
        JsonNode held = facts.stream().filter(r -> "matching.MeetingHeld".equals(KafkaTestClients.header(r,
                KafkaHeaders.TYPE))).map(r -> mapper.fromBytes(r.value()).payload()).findFirst().orElseThrow();
        assertThat(held.path("meetingId").asString()).isEqualTo(Meeting.idOf(eventId, clinicRobots.toString())
                .toString());
        assertThat(held.path("partnershipIds").get(0).asString()).isEqualTo(partnership.toString());

        // Outcomes: the organisers only; a no-show only once the slot is over.
        String hospitalMeeting = meeting(hospitalHydrogen);
        assertThat(anonymous().postJson(hospitalMeeting + "/outcome", "{\"status\": \"HELD\"}", later(hospital))
                .statusCode()).isEqualTo(403);
        assertThat(anonymous().postJson(hospitalMeeting + "/outcome", "{\"status\": \"HELD\"}",
                later(TestIdentities.DUESSELDORF)).statusCode()).isEqualTo(403);
        HttpResponse<String> late = anonymous().postJson(hospitalMeeting + "/outcome", "{\"status\": \"LATE\"}",
                later(TestIdentities.OPERATOR));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("status");
        assertThat(anonymous().postJson(hospitalMeeting + "/outcome", "{\"status\": \"HELD\", \"late\": true}",
                later(TestIdentities.OPERATOR)).statusCode()).isEqualTo(400);
        HttpResponse<String> recorded = anonymous().postJson(hospitalMeeting + "/outcome",
                "{\"status\": \"HELD\"}", later(TestIdentities.ESSEN));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(ServiceHttp.json(recorded).path("status").asString()).isEqualTo("HELD");

        // Nobody closes the third: an hour after the event's end the service records it as a no-show of both.
        String unattended = meeting(clinicHydrogen);
        clock.advance(Duration.ofHours(4));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ServiceHttp.json(
                anonymous().get(unattended, later(TestIdentities.OPERATOR))).path("status").asString())
                .isEqualTo("NO_SHOW"));
        List<ConsumerRecord<String, byte[]>> all = KafkaTestClients.readWithKey(brokers, Topics.MATCHING_EVENTS,
                eventId.toString(), 4);
        JsonNode noShow = all.stream().filter(r -> "matching.MeetingNoShow".equals(KafkaTestClients.header(r,
                KafkaHeaders.TYPE))).map(r -> mapper.fromBytes(r.value()).payload()).findFirst().orElseThrow();
        assertThat(noShow.path("absentBusinessIds")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder(clinic.businessId(), hydrogen.businessId());
        assertThat(ServiceHttp.json(anonymous().get(MEETINGS + "?matchingEventId=" + eventId + "&status=HELD",
                later(TestIdentities.OPERATOR))).path("items")).hasSize(2);
    }

    @Test
    void theSlotIsShownOnEachParticipantsClocksAcrossTheEndOfSummerTime() {
        // 25 October 2020: at 01:00 UTC Essen's clocks go back from 03:00 CEST to 02:00 CET; Koriyama has no DST.
        openEvent("2020-10-25T00:00:00Z", "2020-10-25T02:00:00Z", 60);
        CallerIdentity clinic = essen("clinic");
        CallerIdentity robots = koriyama("robots");
        CallerIdentity hydrogen = koriyama("hydrogen");
        for (CallerIdentity b : List.of(clinic, robots, hydrogen)) {
            join(b, "2020-10-25T00:00:00Z", "2020-10-25T02:00:00Z", 2);
        }
        UUID first = confirmed(clinic, robots);
        UUID second = confirmed(clinic, hydrogen);
        released("\"0\"");
        JsonNode a = ServiceHttp.json(as(clinic).get(meeting(first)));
        JsonNode b = ServiceHttp.json(as(clinic).get(meeting(second)));
        JsonNode summer = a.path("slot").asInt() == 1 ? a : b;
        JsonNode winter = a.path("slot").asInt() == 1 ? b : a;
        assertThat(summer.path("startsAt").asString()).isEqualTo("2020-10-25T00:00:00Z");
        assertThat(winter.path("startsAt").asString()).isEqualTo("2020-10-25T01:00:00Z");

        // Default: each participant's own zone. Essen reads 02:00 twice, an hour apart, CEST then CET.
        JsonNode essenSummer = summer.path("localTimes").get(0);
        JsonNode essenWinter = winter.path("localTimes").get(0);
        assertThat(essenSummer.path("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(essenSummer.path("startsAt").asString()).isEqualTo("2020-10-25T02:00:00+02:00");
        assertThat(essenSummer.path("startZoneName").asString()).isEqualTo("CEST");
        assertThat(essenWinter.path("startsAt").asString()).isEqualTo("2020-10-25T02:00:00+01:00");
        assertThat(essenWinter.path("startZoneName").asString()).isEqualTo("CET");
        assertThat(summer.path("localTimes").get(1).path("startsAt").asString())
                .isEqualTo("2020-10-25T09:00:00+09:00");
        assertThat(winter.path("localTimes").get(1).path("startsAt").asString())
                .isEqualTo("2020-10-25T10:00:00+09:00");

        // Zones asked for, in their order, with the day shift: Los Angeles is still on the 24th.
        JsonNode asked = ServiceHttp.json(as(robots).get(meeting(first)
                + "?tz=America/Los_Angeles&tz=Asia/Tokyo")).path("localTimes");
        assertThat(asked).extracting(t -> t.path("timeZone").asString())
                .containsExactly("America/Los_Angeles", "Asia/Tokyo");
        assertThat(asked.get(0).path("startDayShift").asInt()).isEqualTo(-1);
        assertThat(asked.get(0).path("startZoneName").asString()).isEqualTo("PDT");
        assertThat(asked.get(1).path("startDayShift").asInt()).isZero();
        assertThat(http().get(meeting(first) + "?tz=+09:00").statusCode()).isEqualTo(400);
    }
}
