package org.urbancooperation.partnership.report.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;
import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.IntegrationEventType;
import org.urbancooperation.contracts.events.CooperationEventCancelled;
import org.urbancooperation.contracts.events.CooperationEventHeld;
import org.urbancooperation.contracts.events.CooperationEventScheduledV2;
import org.urbancooperation.partnership.report.application.CooperationEventCalendar;
import org.urbancooperation.partnership.report.domain.CooperationEventEntry;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;

import tools.jackson.databind.JsonNode;

/**
 * event-service's facts on the embedded broker, duplicated, reordered and cancelled, and the report's upcoming, past
 * and cancelled events afterwards.
 */
// The report API test's context (its own database and broker).
@TestPropertySource(properties = "ucp.test.context=report")
class ReportCalendarConsumerTest extends ServiceApiTest {

    static final String ESSEN_KORIYAMA = """
            {"name": "%s",
             "cities": [{"name": "Essen", "countryCode": "DE", "timeZone": "Europe/Berlin"},
                        {"name": "Koriyama", "countryCode": "JP", "timeZone": "Asia/Tokyo"}],
             "themes": ["renewable-energy", "medical-devices", "education"],
             "partnerOrganisations": ["city-of-essen", "city-of-koriyama"],
             "establishedOn": "2019-08-27"}""";

    static final Instant PAST = Instant.parse("2023-01-25T08:00:00Z");
    static final Instant FUTURE = Instant.parse("2199-01-25T08:00:00Z");

    @Autowired
    EmbeddedKafkaBroker embeddedKafka;
    @Autowired
    CooperationEventCalendar calendar;

    private KafkaTemplate<String, byte[]> raw;

    private UUID partnership(String name) {
        HttpResponse<String> created = http().postJson("/api/v1/partnerships", ESSEN_KORIYAMA.formatted(name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(ServiceHttp.json(created).path("id").asString());
    }

    private byte[] fact(IntegrationEvent payload, long aggregateVersion) {
        return mapper.toBytes(mapper.envelope(payload, aggregateVersion, "event-service", null, Clock.systemUTC()));
    }

    private void send(IntegrationEvent payload, byte[] record) {
        raw.send(IntegrationEventType.of(payload).topic(), payload.aggregateId(), record);
    }

    private void send(IntegrationEvent payload, long aggregateVersion) {
        send(payload, fact(payload, aggregateVersion));
    }

    private static CooperationEventScheduledV2 scheduled(UUID id, UUID partnership, String title, Instant start) {
        return new CooperationEventScheduledV2(id, List.of(partnership), title, "SEMINAR", start,
                start.plusSeconds(10800), "TIME", "Europe/Berlin", List.of("Europe/Berlin", "Asia/Tokyo"), List.of("en", "ja"));
    }

    private static CooperationEventHeld held(UUID id, List<UUID> partnerships, String title) {
        return new CooperationEventHeld(id, partnerships, title, "CONFERENCE", PAST, PAST.plusSeconds(10800));
    }

    @Test
    void duplicatedReorderedAndCancelledFactsLeaveEachEventInItsRightPlace() {
        raw = KafkaTestClients.rawTemplate(embeddedKafka.getBrokersAsString());
        UUID essenKoriyama = partnership("Essen - Koriyama calendar");
        UUID second = partnership("Second partnership calendar");

        // Scheduled, the very same record delivered twice: one upcoming event.
        UUID upcoming = UUID.randomUUID();
        byte[] upcomingRecord = fact(scheduled(upcoming, essenKoriyama, "Upcoming seminar", FUTURE), 1);
        send(scheduled(upcoming, essenKoriyama, "Upcoming seminar", FUTURE), upcomingRecord);
        send(scheduled(upcoming, essenKoriyama, "Upcoming seminar", FUTURE), upcomingRecord);
        // Scheduled, then held, for both partnerships: past for each.
        UUID conference = UUID.randomUUID();
        send(scheduled(conference, essenKoriyama, "EU-Japan 100 Cities Event on Climate Action", PAST), 1);
        send(held(conference, List.of(essenKoriyama, second), "EU-Japan 100 Cities Event on Climate Action"), 2);
        // Scheduled in the future, then cancelled: no longer upcoming.
        UUID called = UUID.randomUUID();
        send(scheduled(called, essenKoriyama, "Cancelled seminar", FUTURE), 1);
        send(new CooperationEventCancelled(called, List.of(essenKoriyama), "Speakers could not travel"), 2);
        // The cancellation overtakes the schedule and the held: cancelled, with the title the older facts told.
        UUID overtaken = UUID.randomUUID();
        send(new CooperationEventCancelled(overtaken, List.of(essenKoriyama), null), 3);
        send(scheduled(overtaken, essenKoriyama, "Overtaken study tour", FUTURE), 1);
        send(held(overtaken, List.of(essenKoriyama), "Overtaken study tour"), 2);
        // Held, then a late schedule (older version): stays past.
        UUID late = UUID.randomUUID();
        send(held(late, List.of(essenKoriyama), "Trade fair"), 2);
        send(scheduled(late, essenKoriyama, "Trade fair", FUTURE), 1);
        raw.flush();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(calendar.ofPartnership(essenKoriyama)).hasSize(5);
            assertThat(state(essenKoriyama, late)).isEqualTo(CooperationEventEntry.State.HELD);
            assertThat(title(essenKoriyama, overtaken)).isEqualTo("Overtaken study tour");
        });
        JsonNode events = ServiceHttp.json(http().get("/api/v1/partnerships/" + essenKoriyama + "/report"))
                .path("events");
        assertThat(ids(events.path("upcoming"))).containsExactly(upcoming.toString());
        assertThat(ids(events.path("past"))).containsExactlyInAnyOrder(conference.toString(), late.toString());
        assertThat(ids(events.path("cancelled"))).containsExactlyInAnyOrder(called.toString(), overtaken.toString());
        JsonNode overtakenLine = events.path("cancelled").valueStream()
                .filter(e -> e.path("cooperationEventId").asString().equals(overtaken.toString())).findFirst()
                .orElseThrow();
        assertThat(overtakenLine.path("title").asString()).isEqualTo("Overtaken study tour");
        assertThat(overtakenLine.path("state").asString()).isEqualTo("CANCELLED");
        JsonNode calledLine = events.path("cancelled").valueStream()
                .filter(e -> e.path("cooperationEventId").asString().equals(called.toString())).findFirst()
                .orElseThrow();
        assertThat(calledLine.path("cancellationReason").asString()).isEqualTo("Speakers could not travel");
        assertThat(calledLine.path("title").asString()).isEqualTo("Cancelled seminar");

        JsonNode secondEvents = ServiceHttp.json(http().get("/api/v1/partnerships/" + second + "/report"))
                .path("events");
        assertThat(ids(secondEvents.path("past"))).containsExactly(conference.toString());
        assertThat(secondEvents.path("upcoming")).isEmpty();
    }

    private CooperationEventEntry entry(UUID partnership, UUID event) {
        return calendar.ofPartnership(partnership).stream().filter(e -> e.cooperationEventId().equals(event))
                .findFirst().orElseThrow();
    }

    private CooperationEventEntry.State state(UUID partnership, UUID event) {
        return entry(partnership, event).state();
    }

    private String title(UUID partnership, UUID event) {
        return entry(partnership, event).title();
    }

    private static List<String> ids(JsonNode events) {
        return events.valueStream().map(e -> e.path("cooperationEventId").asString()).toList();
    }
}
