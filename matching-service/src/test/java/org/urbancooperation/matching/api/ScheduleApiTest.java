package org.urbancooperation.matching.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.matching.meeting.application.MeetingRepository;
import org.urbancooperation.matching.meeting.domain.Meeting;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * A matching event's schedule over HTTP and on the topic: who previews and releases, what participants see, the
 * schedule's version, and an incremental release after a cancelled match and a changed availability publishing
 * exactly the meeting events it must.
 */
class ScheduleApiTest extends ScheduledEventFixture {

    @Autowired
    MeetingRepository meetings;
    @Autowired
    MeterRegistry meters;

    @Test
    void organisersPreviewAndReleaseAndEachBusinessSeesOnlyItsOwnMeetingsOfReleasedSchedules() {
        String event = openEvent("2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 30);
        String preview = event + "/schedule/preview";
        CallerIdentity clinic = essen("clinic");
        CallerIdentity hospital = essen("hospital");
        CallerIdentity robots = koriyama("robots");
        CallerIdentity hydrogen = koriyama("hydrogen");
        CallerIdentity sensors = koriyama("sensors");
        CallerIdentity outsider = essen("outsider");
        for (CallerIdentity b : List.of(clinic, hospital, robots, hydrogen, sensors)) {
            join(b, "2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 6);
        }
        List<UUID> matches = List.of(confirmed(clinic, robots), confirmed(clinic, hydrogen), confirmed(sensors, clinic),
                confirmed(hospital, robots), confirmed(hospital, hydrogen));

        assertThat(anonymous().get(preview).statusCode()).isEqualTo(401);
        assertThat(as(clinic).get(preview).statusCode()).as("businesses see released schedules only").isEqualTo(403);
        assertThat(as(TestIdentities.DUESSELDORF).get(preview).statusCode()).isEqualTo(403);
        assertThat(http().get(EVENTS + "/" + UUID.randomUUID() + "/schedule/preview").statusCode()).isEqualTo(404);
        HttpResponse<String> byEssen = as(TestIdentities.ESSEN).get(preview);
        assertThat(byEssen.statusCode()).as(byEssen.body()).isEqualTo(200);
        assertThat(byEssen.headers().firstValue("ETag")).contains("\"0\"");
        JsonNode planned = ServiceHttp.json(byEssen);
        assertThat(planned.path("released").asBoolean()).isFalse();
        assertThat(planned.path("meetings")).hasSize(5);
        assertThat(planned.path("unplaced")).isEmpty();
        JsonNode statistics = planned.path("statistics");
        assertThat(statistics.path("meetingsPlaced").asInt()).isEqualTo(5);
        assertThat(statistics.path("slotLowerBound").asInt()).as("the clinic has three meetings").isEqualTo(3);
        assertThat(statistics.path("slotsUsed").asInt()).as("König's bound reached").isEqualTo(3);
        assertThat(planned.path("changes").path("added").asInt()).isEqualTo(5);
        assertThat(http().get(event + "/schedule/releases").body()).contains("\"items\":[]");

        assertThat(release(as(clinic), "\"0\"").statusCode()).isEqualTo(403);
        assertThat(release(as(TestIdentities.DUESSELDORF), "\"0\"").statusCode()).isEqualTo(403);
        assertThat(release(http(), "\"1\"").statusCode()).isEqualTo(412);
        HttpResponse<String> first = release(as(TestIdentities.KORIYAMA), "\"0\"");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/schedule/releases/1"));
        assertThat(first.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode one = ServiceHttp.json(first);
        assertThat(one.path("number").asInt()).isEqualTo(1);
        assertThat(one.path("meetings").toString()).isEqualTo(planned.path("meetings").toString());
        assertThat(release(http(), "\"0\"").statusCode()).as("released meanwhile").isEqualTo(412);

        // The meetings exist, each with its MeetingScheduled on matching.meeting keyed by the meeting.
        for (UUID match : matches) {
            Meeting meeting = meetings.find(Meeting.idOf(eventId, match.toString())).orElseThrow().aggregate();
            assertThat(meeting.sequence()).isZero();
            assertThat(meeting.partnershipId()).isEqualTo(partnership);
        }
        UUID meetingId = Meeting.idOf(eventId, matches.get(0).toString());
        List<ConsumerRecord<String, byte[]>> scheduled = KafkaTestClients.readWithKey(brokers, Topics.MEETINGS,
                meetingId.toString(), 1);
        assertThat(scheduled).extracting(r -> KafkaTestClients.header(r, KafkaHeaders.TYPE))
                .containsExactly("matching.MeetingScheduled");
        EventEnvelope envelope = mapper.fromBytes(scheduled.get(0).value());
        assertThat(envelope.payload().path("businessIds").toString()).contains(clinic.businessId(),
                robots.businessId());
        assertThat(envelope.payload().path("title").asString()).contains("Koriyama");

        // Participants read releases, each its own meetings only; others are refused.
        JsonNode forClinic = ServiceHttp.json(as(clinic).get(event + "/schedule/releases/1"));
        assertThat(forClinic.path("meetings")).hasSize(3);
        JsonNode forSensors = ServiceHttp.json(as(sensors).get(event + "/schedule/releases/1"));
        assertThat(forSensors.path("meetings")).hasSize(1);
        assertThat(forSensors.path("meetings").toString()).doesNotContain(hospital.businessId());
        assertThat(as(sensors).get(event + "/schedule/releases").body()).doesNotContain(hospital.businessId());
        assertThat(as(outsider).get(event + "/schedule/releases/1").statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.DUESSELDORF).get(event + "/schedule/releases").statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.ESSEN).get(event + "/schedule/releases/1").body())
                .contains(hospital.businessId());
        assertThat(http().get(event + "/schedule/releases/2").statusCode()).isEqualTo(404);
        assertThat(meters.get("ucp.matching.schedule.releases").counter().count()).isPositive();
    }

    @Test
    void aLaterReleaseMovesOnlyWhatMustMoveAndPublishesTheCancellationAndTheReschedule() {
        String event = openEvent("2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 30);
        CallerIdentity clinic = essen("clinic");
        CallerIdentity hospital = essen("hospital");
        CallerIdentity robots = koriyama("robots");
        CallerIdentity hydrogen = koriyama("hydrogen");
        for (CallerIdentity b : List.of(clinic, hospital, robots, hydrogen)) {
            join(b, "2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 6);
        }
        UUID clinicRobots = confirmed(clinic, robots);
        UUID clinicHydrogen = confirmed(clinic, hydrogen);
        UUID hospitalRobots = confirmed(hospital, robots);
        UUID hospitalHydrogen = confirmed(hospital, hydrogen);
        JsonNode first = released("\"0\"");
        assertThat(first.path("statistics").path("slotsUsed").asInt()).isEqualTo(2);

        // An operator withdraws one match: the next release cancels its meeting and moves nothing else.
        HttpResponse<String> withdrawn = send(http(), "DELETE", "/api/v1/matching/matches/" + clinicRobots
                + "?reason=procurement+closed", "");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        JsonNode previewed = ServiceHttp.json(http().get(event + "/schedule/preview"));
        assertThat(previewed.path("number").asInt()).isEqualTo(2);
        assertThat(previewed.path("changes").path("cancelled").asInt()).isEqualTo(1);
        JsonNode second = released("\"1\"");
        JsonNode changes = second.path("changes");
        assertThat(changes.path("moved").asInt()).isZero();
        assertThat(changes.path("cancelled").asInt()).isEqualTo(1);
        assertThat(changes.path("added").asInt()).isZero();
        assertThat(changes.path("affectedBusinesses")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder(clinic.businessId(), robots.businessId());
        assertThat(second.path("meetings")).hasSize(3);

        UUID cancelled = Meeting.idOf(eventId, clinicRobots.toString());
        assertThat(KafkaTestClients.readWithKey(brokers, Topics.MEETINGS, cancelled.toString(), 2))
                .extracting(r -> KafkaTestClients.header(r, KafkaHeaders.TYPE))
                .containsExactly("matching.MeetingScheduled", "matching.MeetingCancelled");
        for (UUID kept : List.of(clinicHydrogen, hospitalRobots, hospitalHydrogen)) {
            assertThat(meetings.find(Meeting.idOf(eventId, kept.toString())).orElseThrow().version())
                    .as("a meeting that did not have to move is not written again").isEqualTo(1);
        }

        // The hospital is no longer free in its meeting with the hydrogen works' slot: that one meeting moves.
        Meeting before = meetings.find(Meeting.idOf(eventId, hospitalHydrogen.toString())).orElseThrow().aggregate();
        String free = "2020-11-18T08:00:00Z".equals(before.startsAt().toString())
                ? "[{\"startsAt\": \"" + before.endsAt() + "\", \"endsAt\": \"2020-11-18T11:00:00Z\"}]"
                : "[{\"startsAt\": \"2020-11-18T08:00:00Z\", \"endsAt\": \"" + before.startsAt() + "\"}, "
                        + "{\"startsAt\": \"" + before.endsAt() + "\", \"endsAt\": \"2020-11-18T11:00:00Z\"}]";
        changeParticipation(hospital, "{\"availability\": " + free + ", \"maxMeetings\": 6}");
        JsonNode third = released("\"2\"");
        assertThat(third.path("changes").path("moved").asInt()).isEqualTo(1);
        assertThat(third.path("changes").path("items").get(0).path("matchId").asString())
                .isEqualTo(hospitalHydrogen.toString());
        Meeting after = meetings.find(before.id()).orElseThrow().aggregate();
        assertThat(after.startsAt()).isNotEqualTo(before.startsAt());
        assertThat(after.sequence()).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> moved = KafkaTestClients.readWithKey(brokers, Topics.MEETINGS,
                before.id().toString(), 2);
        assertThat(moved).extracting(r -> KafkaTestClients.header(r, KafkaHeaders.TYPE))
                .containsExactly("matching.MeetingScheduled", "matching.MeetingRescheduled");
        JsonNode payload = mapper.fromBytes(moved.get(1).value()).payload();
        assertThat(payload.path("sequence").asInt()).isEqualTo(1);
        assertThat(payload.path("startsAt").asString()).isEqualTo(after.startsAt().toString());
        assertThat(ServiceHttp.json(http().get(event + "/schedule/releases")).path("items")).hasSize(3);
    }
    @Test
    void essenAndKoriyamaMeetInsideBothSidesBusinessHoursAndOnlyInsideMeansOnlyInside() {
        // 18 November 2020, 08:00-11:00 UTC: Essen 09:00-12:00 CET, Koriyama 17:00-20:00 JST.
        String event = openEvent("2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 30);
        CallerIdentity clinic = essen("clinic");
        CallerIdentity hospital = essen("hospital");
        CallerIdentity robots = koriyama("robots");
        CallerIdentity hydrogen = koriyama("hydrogen");
        String essenHours = ", \"businessHours\": {\"from\": \"09:00\", \"to\": \"11:00\"}}";
        String koriyamaHours = ", \"businessHours\": {\"from\": \"17:00\", \"to\": \"19:00\"}}";
        String allDay = ParticipantApiTest.participation("2020-11-18T08:00:00Z", "2020-11-18T11:00:00Z", 6);
        for (CallerIdentity b : List.of(clinic, hospital)) {
            join(b, allDay.substring(0, allDay.length() - 1) + essenHours);
        }
        join(robots, allDay.substring(0, allDay.length() - 1) + koriyamaHours);
        // The hydrogen works meets only from 17:00 to 18:00 on its clocks: two slots, 08:00-09:00 UTC.
        join(hydrogen, allDay.substring(0, allDay.length() - 1)
                + ", \"businessHours\": {\"from\": \"17:00\", \"to\": \"18:00\"}, \"onlyInsideBusinessHours\": true}");
        confirmed(clinic, robots);
        confirmed(clinic, hydrogen);
        confirmed(hospital, robots);
        confirmed(hospital, hydrogen);

        JsonNode planned = ServiceHttp.json(http().get(event + "/schedule/preview"));
        JsonNode statistics = planned.path("statistics");
        assertThat(statistics.path("meetingsPlaced").asInt()).isEqualTo(4);
        assertThat(statistics.path("meetingsWithBothHours").asInt()).isEqualTo(4);
        assertThat(statistics.path("meetingsInsideBothHours").asInt()).isEqualTo(4);
        assertThat(statistics.path("slotsUsed").asInt()).isEqualTo(statistics.path("slotLowerBound").asInt());
        for (JsonNode meeting : planned.path("meetings")) {
            java.time.Instant start = java.time.Instant.parse(meeting.path("startsAt").asString());
            assertThat(start).isBetween(java.time.Instant.parse("2020-11-18T08:00:00Z"),
                    java.time.Instant.parse("2020-11-18T09:30:00Z"));
            if (meeting.path("businessIds").toString().contains(hydrogen.businessId())) {
                assertThat(start).isBefore(java.time.Instant.parse("2020-11-18T09:00:00Z"));
            }
        }

        // Released, a third match of the hydrogen works finds no slot inside its hours: left out, with the reason,
        // and the released meetings stay where they are.
        released("\"0\"");
        CallerIdentity sensors = essen("sensors");
        join(sensors, allDay);
        UUID third = confirmed(sensors, hydrogen);
        JsonNode again = ServiceHttp.json(http().get(event + "/schedule/preview"));
        assertThat(again.path("unplaced")).hasSize(1);
        assertThat(again.path("unplaced").get(0).path("matchId").asString()).isEqualTo(third.toString());
        assertThat(again.path("unplaced").get(0).path("reason").asString()).isEqualTo("NO_FREE_SLOT");
        assertThat(again.path("changes").path("items")).isEmpty();
    }
}
