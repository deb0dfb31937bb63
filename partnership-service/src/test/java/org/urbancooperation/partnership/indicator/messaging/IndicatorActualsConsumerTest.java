package org.urbancooperation.partnership.indicator.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.core.KafkaTemplate;
import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.IntegrationEventType;
import org.urbancooperation.contracts.events.CooperationEventCancelled;
import org.urbancooperation.contracts.events.CooperationEventHeld;
import org.urbancooperation.contracts.events.RegistrationConfirmed;
import org.urbancooperation.contracts.events.RegistrationWithdrawn;
import org.urbancooperation.contracts.matching.BusinessAgreementReached;
import org.urbancooperation.contracts.matching.CooperationAgreementReached;
import org.urbancooperation.contracts.matching.MatchConfirmed;
import org.urbancooperation.contracts.matching.MatchAccepted;
import org.urbancooperation.contracts.matching.MatchingEventHeld;
import org.urbancooperation.contracts.matching.MeetingHeld;
import org.urbancooperation.partnership.indicator.application.IndicatorProgressGauges;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;

import tools.jackson.databind.JsonNode;

/**
 * The other services' facts on the embedded broker, duplicated, reordered and compensated, and each AUTOMATIC
 * indicator's actual as the API reads it afterwards: the count of things whose latest state counts.
 */
class IndicatorActualsConsumerTest extends ServiceApiTest {

    private static final Map<String, String> MEASURES = Map.of(
            "CT-EV", "COOPERATION_EVENTS_HELD", "CT-PR", "PARTICIPANTS_REGISTERED", "CT-ME", "MATCHING_EVENTS_HELD",
            "CT-MA", "MATCHES_ACCEPTED", "CT-B2B", "B2B_MEETINGS_HELD", "CT-BA", "BUSINESS_AGREEMENTS_REACHED");

    static final String ESSEN_KORIYAMA = """
            {"name": "%s",
             "cities": [{"name": "Essen", "countryCode": "DE", "timeZone": "Europe/Berlin"},
                        {"name": "Koriyama", "countryCode": "JP", "timeZone": "Asia/Tokyo"}],
             "themes": ["renewable-energy", "medical-devices", "education"],
             "partnerOrganisations": ["city-of-essen", "city-of-koriyama"],
             "establishedOn": "2019-08-27"}""";

    /**
     * This context's own broker: {@code brokers} resolves the system property that the broker of the context
     * started last sets, which is another one once a test with other properties has started its own context.
     */
    @Autowired
    EmbeddedKafkaBroker embeddedKafka;

    String broker() {
        return embeddedKafka.getBrokersAsString();
    }

    @Autowired
    IndicatorProgressGauges gauges;

    private KafkaTemplate<String, byte[]> raw;

    private UUID partnership(String name) {
        return partnership(name, MEASURES);
    }

    private UUID partnership(String name, Map<String, String> measures) {
        HttpResponse<String> created = http().postJson("/api/v1/partnerships",
                ESSEN_KORIYAMA.formatted(name));
        UUID id = UUID.fromString(ServiceHttp.json(created).path("id").asString());
        measures.forEach((code, measure) -> assertThat(http().postJson("/api/v1/partnerships/" + id + "/indicators",
                """
                {"code": "%s", "name": {"en": "%s"}, "unit": "things", "source": "AUTOMATIC", "measure": "%s",
                 "baseline": 0, "target": 4, "targetDate": "2022-12-31"}""".formatted(code, measure, measure))
                .statusCode()).isEqualTo(201));
        return id;
    }

    /** One record as a producer publishes it: the envelope with the aggregate version the fact was raised at. */
    private byte[] fact(IntegrationEvent payload, long aggregateVersion) {
        return mapper.toBytes(mapper.envelope(payload, aggregateVersion, "test-producer", null, Clock.systemUTC()));
    }

    private void send(IntegrationEvent payload, byte[] record) {
        raw.send(IntegrationEventType.of(payload).topic(), payload.aggregateId(), record);
    }

    private void send(IntegrationEvent payload, long aggregateVersion) {
        send(payload, fact(payload, aggregateVersion));
    }

    private Map<String, Long> actuals(UUID partnershipId) {
        Map<String, Long> actuals = new HashMap<>();
        JsonNode page = ServiceHttp.json(http().get("/api/v1/partnerships/" + partnershipId + "/indicators"));
        page.path("items").forEach(i -> actuals.put(i.path("code").asString(), i.path("actual").asLong()));
        return actuals;
    }

    @Test
    void duplicatedReorderedAndCompensatingFactsLeaveEachActualRight() {
        raw = KafkaTestClients.rawTemplate(broker());
        UUID essenKoriyama = partnership("Essen - Koriyama actuals");
        UUID second = partnership("Second partnership actuals");
        List<UUID> both = List.of(essenKoriyama, second);
        Instant start = Instant.parse("2023-01-25T08:00:00Z");
        Instant end = Instant.parse("2023-01-25T11:00:00Z");

        // Cooperation events. Held, and the very same record delivered twice: counts once.
        UUID conference = UUID.randomUUID();
        CooperationEventHeld conferenceHeld = new CooperationEventHeld(conference, both,
                "EU-Japan 100 Cities Event on Climate Action", "CONFERENCE", start, end);
        byte[] conferenceRecord = fact(conferenceHeld, 2);
        send(conferenceHeld, conferenceRecord);
        send(conferenceHeld, conferenceRecord);
        // Held, then cancelled (compensation): counts no more.
        UUID seminar = UUID.randomUUID();
        send(new CooperationEventHeld(seminar, List.of(essenKoriyama), "Joint seminar", "JOINT_SEMINAR", start, end), 2);
        send(new CooperationEventCancelled(seminar, List.of(essenKoriyama), "Speakers could not travel"), 3);
        // The cancellation arrives before the held it overtook: the held is stale and does not count.
        UUID tour = UUID.randomUUID();
        send(new CooperationEventCancelled(tour, List.of(essenKoriyama), null), 4);
        send(new CooperationEventHeld(tour, List.of(essenKoriyama), "Study tour", "STUDY_TOUR", start, end), 3);
        // Held, redelivered as a new record of the same version (a producer's retry): counts once.
        UUID fair = UUID.randomUUID();
        CooperationEventHeld fairHeld = new CooperationEventHeld(fair, List.of(essenKoriyama), "Trade fair",
                "TRADE_FAIR", start, end);
        send(fairHeld, 2);
        send(fairHeld, 2);

        // Registrations for the conference (its aggregate versions follow on).
        UUID kept = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        UUID withdrawnFirst = UUID.randomUUID();
        UUID alsoKept = UUID.randomUUID();
        send(new RegistrationConfirmed(kept, conference, both), 3);
        send(new RegistrationConfirmed(withdrawn, conference, both), 4);
        send(new RegistrationWithdrawn(withdrawn, conference, both), 5);
        send(new RegistrationWithdrawn(withdrawnFirst, conference, both), 7);
        send(new RegistrationConfirmed(withdrawnFirst, conference, both), 6);
        send(new RegistrationConfirmed(kept, conference, both), 3);
        send(new RegistrationConfirmed(alsoKept, conference, List.of(essenKoriyama)), 8);

        // Matching: the matching event held twice; two matches; one meeting, delivered twice; one agreement.
        UUID matchingEvent = UUID.randomUUID();
        MatchingEventHeld matchingHeld = new MatchingEventHeld(matchingEvent, List.of(essenKoriyama),
                "Essen - Koriyama online business matching: products against COVID-19",
                Instant.parse("2020-11-18T08:00:00Z"), Instant.parse("2020-11-18T11:00:00Z"));
        UUID robotMatch = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        send(new MatchAccepted(robotMatch, matchingEvent, List.of(essenKoriyama), Instant.parse("2020-11-10T06:00:00Z")), 2);
        send(new MatchAccepted(UUID.randomUUID(), matchingEvent, List.of(essenKoriyama),
                Instant.parse("2020-11-11T06:00:00Z")), 3);
        MeetingHeld meetingHeld = new MeetingHeld(meeting, matchingEvent, robotMatch, List.of(essenKoriyama),
                Instant.parse("2020-11-18T08:00:00Z"));
        send(meetingHeld, 4);
        send(matchingHeld, 5);
        send(meetingHeld, 4);
        send(matchingHeld, 5);
        send(new BusinessAgreementReached(UUID.randomUUID(), matchingEvent, meeting, List.of(essenKoriyama),
                LocalDate.of(2021, 1, 15)), 6);
        raw.flush();

        Map<String, Long> expected = Map.of("CT-EV", 2L, "CT-PR", 2L, "CT-ME", 1L, "CT-MA", 2L, "CT-B2B", 1L,
                "CT-BA", 1L);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(actuals(essenKoriyama)).isEqualTo(expected));
        assertThat(actuals(second)).isEqualTo(Map.of("CT-EV", 1L, "CT-PR", 1L, "CT-ME", 0L, "CT-MA", 0L, "CT-B2B", 0L,
                "CT-BA", 0L));

        // The conference is cancelled after all: it counts for neither partnership any more.
        send(new CooperationEventCancelled(conference, both, null), 9);
        raw.flush();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(actuals(essenKoriyama)).containsEntry("CT-EV", 1L);
            assertThat(actuals(second)).containsEntry("CT-EV", 0L);
        });
        // ... and a late redelivery of its held record does not bring it back.
        send(conferenceHeld, conferenceRecord);
        raw.flush();
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(actuals(essenKoriyama)).containsEntry("CT-EV", 1L));

        // Progress per code over both partnerships: sum of actuals over sum of targets.
        gauges.refresh();
        String metrics = http().get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("ucp_indicator_progress_ratio\\{[^}]*code=\"CT-MA\"[^}]*\\} 0\\.25\n");
        assertThat(metrics).containsPattern("ucp_indicator_progress_ratio\\{[^}]*code=\"CT-PR\"[^}]*\\} 0\\.375\n");
        assertThat(metrics).containsPattern("ucp_indicator_progress_ratio\\{[^}]*code=\"CT-EV\"[^}]*\\} 0\\.125\n");
    }

    @Test
    void aMatchConfirmedOutsideAMatchingEventAndItsAgreementCountOnceForTheirPartnerships() {
        raw = KafkaTestClients.rawTemplate(broker());
        // Codes of their own, so that the progress per code the other test checks is not moved by this one.
        UUID essenKoriyama = partnership("Essen - Koriyama matches",
                Map.of("MC-MA", "MATCHES_ACCEPTED", "MC-BA", "BUSINESS_AGREEMENTS_REACHED"));
        UUID robotsAndHospitals = UUID.randomUUID();
        List<String> businesses = List.of("robots-koriyama", "hospitals-essen");
        List<UUID> opportunities = List.of(UUID.randomUUID(), UUID.randomUUID());
        MatchConfirmed confirmed = new MatchConfirmed(robotsAndHospitals, businesses, opportunities, null,
                List.of(essenKoriyama), Instant.parse("2026-05-03T09:00:00Z"));
        byte[] record = fact(confirmed, 3);
        send(confirmed, record);
        send(confirmed, record);
        // Another pair of the same cities' businesses, delivered as two records of the same version (a retry).
        MatchConfirmed other = new MatchConfirmed(UUID.randomUUID(), List.of("hydrogen-koriyama", "energy-essen"),
                List.of(UUID.randomUUID()), null, List.of(essenKoriyama), Instant.parse("2026-05-04T09:00:00Z"));
        send(other, 2);
        send(other, 2);
        // A match no partnership counts (its businesses' cities are no partnership's).
        send(new MatchConfirmed(UUID.randomUUID(), businesses, opportunities, null, List.of(),
                Instant.parse("2026-05-04T09:00:00Z")), 2);
        CooperationAgreementReached agreement = new CooperationAgreementReached(robotsAndHospitals, businesses, null,
                List.of(essenKoriyama), List.of("DISTRIBUTION"));
        send(agreement, 5);
        send(agreement, 5);
        raw.flush();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(actuals(essenKoriyama))
                .isEqualTo(Map.of("MC-MA", 2L, "MC-BA", 1L)));
        // A late redelivery of the confirmation does not count the match again.
        send(confirmed, record);
        raw.flush();
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(actuals(essenKoriyama)).isEqualTo(Map.of("MC-MA", 2L, "MC-BA", 1L)));
    }
}
