package org.urbancooperation.events.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.contracts.partnership.OrganisationRegistered;
import org.urbancooperation.events.cooperationevent.persistence.KnownPartnerships;
import org.urbancooperation.events.registration.application.RegistrationRepository;
import org.urbancooperation.events.registration.metrics.RegistrationGauges;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.SampleEvents;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Registration over HTTP against the real service: the Mongo server's memory backend and an embedded KRaft broker.
 * Each test publishes an event of its own (a partnership of Essen and Koriyama runs it).
 */
class RegistrationApiTest extends ServiceApiTest {

    static final String EVENT = """
            {"kind": "SEMINAR", "format": "IN_PERSON", "title": "Registration test seminar",
             "venue": {"name": "Essen"}, "partnershipIds": ["%s"],
             "timeZone": "Europe/Berlin", "startsAt": "2031-02-10T10:00", "endsAt": "2031-02-10T17:00",
             "capacity": %d}""";
    static final String AGENDA = """
            {"sessions": [
              {"kind": "PANEL", "titles": {"en": "Panel"}, "startsAt": "2031-02-10T10:00", "endsAt": "2031-02-10T12:00"},
              {"kind": "MATCHING_BLOCK", "titles": {"en": "Matching"}, "startsAt": "2031-02-10T13:00",
               "endsAt": "2031-02-10T17:00"}]}""";

    static final CallerIdentity ALICE = CallerIdentity.partner("alice", "city-of-duesseldorf", "jwt");
    static final CallerIdentity BOB = CallerIdentity.business("bob", "robots-essen", "jwt");
    static final CallerIdentity CAROL = CallerIdentity.partner("carol", "city-of-duesseldorf", "jwt");

    @Autowired
    KnownPartnerships knownPartnerships;
    @Autowired
    RegistrationRepository registrations;
    @Autowired
    RegistrationGauges gauges;
    @Autowired
    MeterRegistry meters;

    @Test
    void everyEndpointForEveryRole() {
        String event = publishedEvent(1, false);
        String list = event + "/registrations";

        assertThat(anonymous().postJson(list, register("DELEGATE")).statusCode()).isEqualTo(401);
        HttpResponse<String> alice = as(ALICE).postJson(list, register("DELEGATE"));
        assertThat(alice.statusCode()).as(alice.body()).isEqualTo(201);
        JsonNode aliceRegistration = ServiceHttp.json(alice);
        assertThat(aliceRegistration.path("participant").asString()).isEqualTo("alice");
        assertThat(aliceRegistration.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(alice.headers().firstValue("ETag")).contains("\"1\"");
        String aliceLocation = alice.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> again = as(ALICE).postJson(list, register("SPEAKER"));
        assertThat(again.statusCode()).as("registering twice gives the same registration").isEqualTo(200);
        assertThat(ServiceHttp.json(again).path("id").asString()).isEqualTo(aliceRegistration.path("id").asString());
        assertThat(ServiceHttp.json(again).path("role").asString()).isEqualTo("DELEGATE");

        HttpResponse<String> bob = as(BOB).postJson(list, register("EXHIBITOR"));
        assertThat(bob.statusCode()).as("a business registers itself").isEqualTo(201);
        assertThat(ServiceHttp.json(bob).path("status").asString()).isEqualTo("WAITLISTED");
        assertThat(ServiceHttp.json(bob).path("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(as(CAROL).postJson(list, "{\"participant\": \"dave\", \"role\": \"PRESS\", \"name\": \"D\"}")
                .statusCode()).as("only operators register somebody else").isEqualTo(403);
        HttpResponse<String> onBehalf = http().postJson(list,
                "{\"participant\": \"dave\", \"role\": \"PRESS\", \"name\": \"Dave\"}");
        assertThat(onBehalf.statusCode()).as(onBehalf.body()).isEqualTo(201);
        assertThat(ServiceHttp.json(onBehalf).path("waitlistPosition").asInt()).isEqualTo(2);

        // Reading: the participant, the event's organisers (Essen and Koriyama run its partnership), operators.
        assertThat(as(ALICE).get(aliceLocation).statusCode()).isEqualTo(200);
        assertThat(as(TestIdentities.ESSEN).get(aliceLocation).statusCode()).isEqualTo(200);
        assertThat(as(TestIdentities.KORIYAMA).get(aliceLocation).statusCode()).isEqualTo(200);
        assertThat(http().get(aliceLocation).statusCode()).isEqualTo(200);
        assertThat(as(CAROL).get(aliceLocation).statusCode()).as("another participant").isEqualTo(404);
        assertThat(as(BOB).get(aliceLocation).statusCode()).isEqualTo(404);
        assertThat(anonymous().get(aliceLocation).statusCode()).isEqualTo(401);

        assertThat(participants(as(TestIdentities.ESSEN).get(list))).containsExactlyInAnyOrder("alice", "bob", "dave");
        assertThat(participants(http().get(list + "?status=WAITLISTED"))).containsExactlyInAnyOrder("bob", "dave");
        assertThat(participants(as(BOB).get(list))).as("anybody else: its own").containsExactly("bob");
        assertThat(participants(as(CAROL).get(list))).isEmpty();
        assertThat(anonymous().get(list).statusCode()).isEqualTo(401);

        // Attendance: organisers and operators only, confirmed registrations only.
        assertThat(as(ALICE).postJson(aliceLocation + "/attendance", "").statusCode()).isEqualTo(403);
        assertThat(as(CAROL).postJson(aliceLocation + "/attendance", "").statusCode()).isEqualTo(404);
        String bobLocation = bob.headers().firstValue("Location").orElseThrow();
        assertThat(as(TestIdentities.ESSEN).postJson(bobLocation + "/attendance", "").statusCode())
                .as("a waitlisted registration did not attend").isEqualTo(409);
        HttpResponse<String> attended = as(TestIdentities.ESSEN).postJson(aliceLocation + "/attendance", "",
                "If-Match", "\"1\"");
        assertThat(attended.statusCode()).as(attended.body()).isEqualTo(200);
        assertThat(ServiceHttp.json(attended).path("attendedAt").isNull()).isFalse();

        // Cancelling: others get 404, a stale If-Match 412, then the first in line is promoted.
        assertThat(delete(as(CAROL), aliceLocation, null).statusCode()).isEqualTo(404);
        assertThat(delete(anonymous(), aliceLocation, null).statusCode()).isEqualTo(401);
        assertThat(delete(as(ALICE), aliceLocation, "\"1\"").statusCode()).as("attendance made it 2").isEqualTo(412);
        HttpResponse<String> cancelled = delete(as(ALICE), aliceLocation, "\"2\"");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(ServiceHttp.json(cancelled).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(delete(as(ALICE), aliceLocation, null).statusCode()).as("cancelling again").isEqualTo(200);
        JsonNode promoted = ServiceHttp.json(as(BOB).get(bobLocation));
        assertThat(promoted.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(promoted.path("waitlistPosition").isNull()).isTrue();
        assertThat(ServiceHttp.json(http().get(onBehalf.headers().firstValue("Location").orElseThrow()))
                .path("waitlistPosition").asInt()).isEqualTo(1);

        // Terms: anybody who sees the event reads them; its organisers change them.
        HttpResponse<String> terms = anonymous().get(event + "/registration-terms");
        assertThat(terms.statusCode()).as(terms.body()).isEqualTo(200);
        assertThat(ServiceHttp.json(terms).path("confirmed").asInt()).isEqualTo(1);
        assertThat(ServiceHttp.json(terms).path("waitlisted").asInt()).isEqualTo(1);
        assertThat(put(as(CAROL), event + "/registration-terms", "{}", null).statusCode()).isEqualTo(403);
        assertThat(put(anonymous(), event + "/registration-terms", "{}", null).statusCode()).isEqualTo(401);
        String etag = terms.headers().firstValue("ETag").orElseThrow();
        assertThat(put(as(TestIdentities.KORIYAMA), event + "/registration-terms", "{}", "\"99\"").statusCode())
                .isEqualTo(412);
        HttpResponse<String> closed = put(as(TestIdentities.KORIYAMA), event + "/registration-terms",
                "{\"registrationDeadline\": \"2020-01-01T00:00:00Z\"}", etag);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);

        // After the deadline: 409 naming it. The participant already registered still gets its registration.
        HttpResponse<String> late = as(CAROL).postJson(list, register("ATTENDEE"));
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(fields(late)).containsExactly("registrationDeadline");
        assertThat(as(BOB).postJson(list, register("EXHIBITOR")).statusCode()).isEqualTo(200);

        // What is published: ids only, each valid against its schema, partnership-service's two counted ones among them.
        String id = event.substring(event.lastIndexOf('/') + 1);
        List<String> types = envelopes(id, 9).stream().map(EventEnvelope::type).toList();
        assertThat(types).containsSubsequence("events.RegistrationConfirmed", "events.AttendanceRecorded",
                "events.RegistrationWithdrawn", "events.WaitlistPromoted", "events.RegistrationConfirmed");
        assertThat(registrations.confirmedOf("bob")).filteredOn(c -> c.cooperationEventId().toString().equals(id))
                .singleElement().satisfies(c -> assertThat(c.registrationId().toString())
                        .isEqualTo(bobLocation.substring(bobLocation.lastIndexOf('/') + 1)));
        assertThat(registrations.confirmedOf("alice")).as("cancelled")
                .noneMatch(c -> c.cooperationEventId().toString().equals(id));
    }

    @Test
    void draftsAndUnknownEventsHaveNoRegistrationsAndBadInputNamesTheField() {
        UUID partnership = knownPartnership();
        HttpResponse<String> draft = as(TestIdentities.ESSEN).postJson("/api/v1/events", EVENT.formatted(partnership, 5));
        String location = draft.headers().firstValue("Location").orElseThrow();
        assertThat(as(ALICE).postJson(location + "/registrations", register("DELEGATE")).statusCode())
                .as("a draft does not exist for others").isEqualTo(404);
        HttpResponse<String> byOrganiser = as(TestIdentities.ESSEN).postJson(location + "/registrations",
                register("DELEGATE"));
        assertThat(byOrganiser.statusCode()).as(byOrganiser.body()).isEqualTo(409);
        assertThat(fields(byOrganiser)).containsExactly("status");
        assertThat(as(ALICE).postJson("/api/v1/events/" + UUID.randomUUID() + "/registrations", register("DELEGATE"))
                .statusCode()).isEqualTo(404);

        String event = publishedEvent(5, true);
        String list = event + "/registrations";
        assertBad(list, "{\"role\": \"DELEGATE\"}", "name");
        assertBad(list, "{\"role\": \"VIP\", \"name\": \"A\"}", "role");
        assertBad(list, "{\"role\": \"DELEGATE\", \"name\": \"A\", \"sessionIds\": [\"" + UUID.randomUUID() + "\"]}",
                "sessionIds[0]");
        assertBad(list, "{\"role\": \"DELEGATE\", \"name\": \"\\u0000\"}", "name");
        assertBad(list, "{\"role\": \"DELEGATE\", \"name\": \"A\", \"unknown\": 1}", "unknown");
        assertThat(as(ALICE).get(list + "?limit=0").statusCode()).isEqualTo(400);
        assertThat(as(ALICE).get(list + "?cursor=nonsense").statusCode()).isEqualTo(400);
        assertThat(as(ALICE).get(list + "?status=MAYBE").statusCode()).isEqualTo(400);
        assertThat(as(ALICE).get(list + "/not-a-uuid").statusCode()).isEqualTo(400);
        assertThat(participants(http().get(list))).as("nothing stored").isEmpty();

        // Registered already: bad input is still refused, not answered with the registration that exists.
        assertThat(as(ALICE).postJson(list, register("DELEGATE")).statusCode()).isEqualTo(201);
        assertBad(list, "{\"role\": \"DELEGATE\", \"name\": \"A\\u202e\"}", "name");
        assertBad(list, "{\"role\": \"DELEGATE\", \"name\": \"A\", \"organisation\": \"E\\u001b\"}",
                "organisation");
        assertBad(list, "{\"role\": \"DELEGATE\", \"name\": \"A\", \"participant\": \"alice\\u0000\"}",
                "participant");
        String tooMany = java.util.stream.IntStream.range(0, 201).mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        assertBad(list, "{\"role\": \"DELEGATE\", \"name\": \"A\", \"sessionIds\": [" + tooMany + "]}",
                "sessionIds");
        assertThat(participants(http().get(list))).containsExactly("alice");

        String terms = event + "/registration-terms";
        assertBadTerms(terms, "{\"sessionCapacities\": {\"not-a-session\": 3}}", "sessionCapacities");
        assertBadTerms(terms, "{\"sessionCapacities\": {\"" + UUID.randomUUID() + "\": 0}}", "sessionCapacities");
        assertBadTerms(terms, "{\"sessionCapacities\": {\"" + UUID.randomUUID() + "\": 3}}", "sessionCapacities");
        assertBadTerms(terms, "{\"registrationDeadline\": \"tomorrow\"}", "registrationDeadline");
        assertBadTerms(terms, "{\"registrationDeadline\": \"+99999-01-01T00:00:00Z\"}", "registrationDeadline");
    }

    @Test
    void aSessionWithItsOwnCapacityWaitlistsThoseWhoAttendIt() {
        String event = publishedEvent(10, true);
        JsonNode agenda = ServiceHttp.json(anonymous().get(event + "/agenda"));
        String panel = agenda.path("days").get(0).path("sessions").get(0).path("id").asString();
        String etag = anonymous().get(event + "/registration-terms").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> terms = put(http(), event + "/registration-terms",
                "{\"sessionCapacities\": {\"" + panel + "\": 1}}", etag);
        assertThat(terms.statusCode()).as(terms.body()).isEqualTo(200);
        String toPanel = "{\"role\": \"ATTENDEE\", \"name\": \"N\", \"sessionIds\": [\"" + panel + "\"]}";
        assertThat(status(as(ALICE).postJson(event + "/registrations", toPanel))).isEqualTo("CONFIRMED");
        assertThat(status(as(BOB).postJson(event + "/registrations", toPanel))).isEqualTo("WAITLISTED");
        assertThat(status(as(CAROL).postJson(event + "/registrations", register("ATTENDEE"))))
                .as("the event has places; only the panel is full").isEqualTo("CONFIRMED");
        HttpResponse<String> smaller = put(http(), event + "/registration-terms",
                "{\"sessionCapacities\": {\"" + panel + "\": 0}}", null);
        assertThat(fields(smaller)).as(smaller.body()).isNotEmpty();
    }

    @Test
    void registrantsOfAPostponedEventAreToldOnceEach() {
        String event = publishedEvent(1, false);
        as(ALICE).postJson(event + "/registrations", register("DELEGATE"));
        as(BOB).postJson(event + "/registrations", register("DELEGATE"));
        HttpResponse<String> postponed = as(TestIdentities.ESSEN).postJson(event + "/postpone",
                "{\"startsAt\": \"2031-03-10T10:00\", \"endsAt\": \"2031-03-10T17:00\", \"reason\": \"Room taken\"}");
        assertThat(postponed.statusCode()).as(postponed.body()).isEqualTo(200);
        String id = event.substring(event.lastIndexOf('/') + 1);
        // Published, scheduled (v1 and v2), agenda v1, alice confirmed, postponed, then one RegistrationAffected each.
        List<EventEnvelope> all = envelopes(id, 8);
        List<JsonNode> affected = all.stream().filter(e -> e.type().equals("events.RegistrationAffected"))
                .map(EventEnvelope::payload).toList();
        assertThat(affected).extracting(p -> p.path("status").asString())
                .containsExactlyInAnyOrder("CONFIRMED", "WAITLISTED");
        assertThat(affected).allSatisfy(p -> assertThat(p.path("reason").asString()).isEqualTo("POSTPONED"));
        assertThat(as(CAROL).postJson(event + "/registrations", register("DELEGATE")).statusCode())
                .as("a postponed event takes no registrations").isEqualTo(409);

        HttpResponse<String> cancelled = as(TestIdentities.ESSEN).postJson(event + "/cancel",
                "{\"reason\": \"Travel restrictions\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        // Then CooperationEventCancelled, and each registrant is told again, now of the cancellation.
        List<JsonNode> told = envelopes(id, 11).stream().filter(e -> e.type().equals("events.RegistrationAffected"))
                .map(EventEnvelope::payload).toList();
        assertThat(told).extracting(p -> p.path("reason").asString())
                .containsExactlyInAnyOrder("POSTPONED", "POSTPONED", "CANCELLED", "CANCELLED");
    }

    /** An event that no partnership runs (organisers only, like the 100 Cities event) tells its registrants too. */
    @Test
    void registrantsOfACancelledEventOfOrganisersOnlyAreTold() {
        var raw = KafkaTestClients.rawTemplate(brokers);
        raw.send(Topics.ORGANISATIONS, "iges", envelopeBytes(new OrganisationRegistered("iges", Map.of("en", "IGES"),
                "RESEARCH_INSTITUTE", "essen", List.of(), null)));
        raw.flush();
        String body = """
                {"kind": "CONFERENCE", "format": "ONLINE", "title": "EU-Japan 100 Cities Event on Climate Action",
                 "onlineLink": "https://example.org/live/100-cities", "organisers": ["iges"],
                 "timeZone": "Europe/Brussels", "startsAt": "2031-01-25T09:00", "endsAt": "2031-01-25T12:00",
                 "languages": ["en", "ja"], "capacity": 5}""";
        HttpResponse<String>[] created = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            created[0] = as(TestIdentities.OPERATOR).postJson("/api/v1/events", body);
            return created[0].statusCode() != 422;
        });
        assertThat(created[0].statusCode()).as(created[0].body()).isEqualTo(201);
        String event = created[0].headers().firstValue("Location").orElseThrow();
        assertThat(as(TestIdentities.OPERATOR).postJson(event + "/publish", "").statusCode()).isEqualTo(200);
        assertThat(as(ALICE).postJson(event + "/registrations", register("DELEGATE")).statusCode()).isEqualTo(201);
        HttpResponse<String> cancelled = as(TestIdentities.OPERATOR).postJson(event + "/cancel",
                "{\"reason\": \"Travel restrictions\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        String id = event.substring(event.lastIndexOf('/') + 1);
        // Published, agenda v1, cancelled, and alice told (no partnership: no RegistrationConfirmed to count).
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(KafkaTestClients.readWithKey(brokers,
                Topics.COOPERATION_EVENTS, id, 4).stream().map(r -> mapper.fromBytes(r.value()).type()))
                .contains("events.CooperationEventCancelled", "events.RegistrationAffected"));
    }

    @Test
    void aRepeatedOrOlderPostponementTellsNobodyTwice() {
        String event = publishedEvent(5, false);
        as(ALICE).postJson(event + "/registrations", register("DELEGATE"));
        UUID id = UUID.fromString(event.substring(event.lastIndexOf('/') + 1));
        double staleBefore = consumed("events.CooperationEventPostponed", "stale");
        var raw = KafkaTestClients.rawTemplate(brokers);
        // Delivered twice, then an older one arrives late: one notice per registrant, the others are stale.
        for (long version : new long[] {10, 10, 5}) {
            raw.send(Topics.COOPERATION_EVENTS, id.toString(), mapper.toBytes(mapper.envelope(
                    new org.urbancooperation.contracts.events.CooperationEventPostponed(id, List.of(), "Europe/Berlin",
                            java.time.Instant.parse("2031-02-10T09:00:00Z"), java.time.Instant.parse("2031-02-10T16:00:00Z"),
                            java.time.Instant.parse("2031-03-10T09:00:00Z"), java.time.Instant.parse("2031-03-10T16:00:00Z"),
                            "Room taken"), version, "event-service", null, Clock.systemUTC())));
        }
        raw.flush();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> consumed("events.CooperationEventPostponed", "stale") >= staleBefore + 2);
        // Published, scheduled (v1 and v2), agenda v1, alice confirmed, the three postponements sent, one
        // RegistrationAffected.
        List<EventEnvelope> all = envelopes(id.toString(), 9);
        assertThat(all).filteredOn(e -> e.type().equals("events.RegistrationAffected")).hasSize(1);
    }

    /**
     * Many participants register and cancel at once against one event's places, over HTTP, on several threads. No
     * place is given twice (confirmed never above capacity, one registration per participant) and none is lost (every
     * freed place is taken while a waitlist exists).
     */
    @Test
    void concurrentRegistrationsAndCancellationsNeitherGiveAPlaceTwiceNorLoseOne() throws Exception {
        int capacity = 10;
        String event = publishedEvent(capacity, false);
        String list = event + "/registrations";
        int people = 40;
        double racesBefore = meters.get("ucp.registrations.write.conflicts").counter().count();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> registering = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                CallerIdentity who = CallerIdentity.partner("person-" + i, "city-of-duesseldorf", "jwt");
                // Everybody registers twice, concurrently: still one registration each.
                for (int twice = 0; twice < 2; twice++) {
                    registering.add(() -> {
                        HttpResponse<String> r = as(who).postJson(list, register("ATTENDEE"));
                        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
                        return list + "/" + ServiceHttp.json(r).path("id").asString();
                    });
                }
            }
            Set<String> registered = new HashSet<>();
            for (Future<String> f : threads.invokeAll(registering)) {
                registered.add(f.get());
            }
            assertThat(registered).as("registering twice gives the same registration").hasSize(people);
            List<String> locations = new ArrayList<>(registered);
            assertPlaces(list, capacity, people);

            // Half cancel at once, the confirmed and the waitlisted alike, while newcomers register.
            Collections.shuffle(locations);
            List<Callable<String>> churn = new ArrayList<>();
            for (int i = 0; i < people / 2; i++) {
                String location = locations.get(i);
                churn.add(() -> {
                    HttpResponse<String> r = delete(http(), location, null);
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    return null;
                });
            }
            for (int i = people; i < people + 10; i++) {
                CallerIdentity who = CallerIdentity.partner("person-" + i, "city-of-duesseldorf", "jwt");
                churn.add(() -> {
                    HttpResponse<String> r = as(who).postJson(list, register("ATTENDEE"));
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                    return null;
                });
            }
            for (Future<String> f : threads.invokeAll(churn)) {
                f.get();
            }
            assertPlaces(list, capacity, people / 2 + 10);
            assertThat(meters.get("ucp.registrations.write.conflicts").counter().count())
                    .as("the threads did race for the same document").isGreaterThan(racesBefore);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void servesTheRegistrationMetrics() {
        String event = publishedEvent(1, false);
        as(ALICE).postJson(event + "/registrations", register("DELEGATE"));
        HttpResponse<String> bob = as(BOB).postJson(event + "/registrations", register("DELEGATE"));
        double promotedBefore = meters.get("ucp.registrations.promoted").counter().count();
        gauges.refresh();
        assertThat(meters.get("ucp_waitlist_length_max").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("ucp_registrations").tag("status", "WAITLISTED").gauge().value()).isGreaterThanOrEqualTo(1);
        String alice = ServiceHttp.json(as(ALICE).get(event + "/registrations")).path("items").get(0).path("id")
                .asString();
        delete(as(ALICE), event + "/registrations/" + alice, null);
        assertThat(meters.get("ucp.registrations.promoted").counter().count()).isEqualTo(promotedBefore + 1);
        assertThat(status(as(BOB).get(bob.headers().firstValue("Location").orElseThrow()))).isEqualTo("CONFIRMED");
        String metrics = http().get("/actuator/prometheus").body();
        assertThat(metrics).contains("ucp_registrations{", "ucp_waitlist_length ", "ucp_waitlist_length_max ",
                "ucp_registrations_promoted_total");
    }

    private double consumed(String type, String outcome) {
        var counter = meters.find("ucp.events.consumed").tags("type", type, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Every participant at most once; confirmed = min(capacity, active); the waitlist in line 1..n. */
    private void assertPlaces(String list, int capacity, int active) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = http().get(list + "?limit=7" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            ServiceHttp.json(page).path("items").forEach(all::add);
            JsonNode next = ServiceHttp.json(page).path("next");
            cursor = next.isNull() ? null : next.asString();
        } while (cursor != null);
        Set<String> participants = new HashSet<>();
        all.forEach(r -> assertThat(participants.add(r.path("participant").asString())).as("once each").isTrue());
        long confirmed = all.stream().filter(r -> r.path("status").asString().equals("CONFIRMED")).count();
        List<Integer> positions = all.stream().filter(r -> r.path("status").asString().equals("WAITLISTED"))
                .map(r -> r.path("waitlistPosition").asInt()).sorted().toList();
        long notCancelled = all.stream().filter(r -> !r.path("status").asString().equals("CANCELLED")).count();
        assertThat(notCancelled).isEqualTo(active);
        assertThat(confirmed).as("no place given twice, none lost").isEqualTo(Math.min(capacity, active));
        for (int i = 0; i < positions.size(); i++) {
            assertThat(positions.get(i)).isEqualTo(i + 1);
        }
    }

    /** A published event of a new partnership, optionally with the two-session agenda; returns its location. */
    private String publishedEvent(int capacity, boolean withAgenda) {
        UUID partnership = knownPartnership();
        HttpResponse<String> created = as(TestIdentities.ESSEN).postJson("/api/v1/events",
                EVENT.formatted(partnership, capacity));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        if (withAgenda) {
            HttpResponse<String> agenda = put(as(TestIdentities.ESSEN), location + "/agenda", AGENDA, null);
            assertThat(agenda.statusCode()).as(agenda.body()).isEqualTo(200);
        }
        HttpResponse<String> published = as(TestIdentities.ESSEN).postJson(location + "/publish", "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return location;
    }

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

    private List<EventEnvelope> envelopes(String cooperationEventId, int expected) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.COOPERATION_EVENTS,
                cooperationEventId, expected);
        assertThat(records).hasSize(expected);
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope envelope = mapper.fromBytes(record.value());
            assertThat(new IntegrationEventSchemas(mapper).violations(envelope)).as(envelope.type()).isEmpty();
            assertThat(envelope.payload().has("participant")).as("no personal data").isFalse();
            envelopes.add(envelope);
        }
        return envelopes;
    }

    private void assertBad(String path, String body, String field) {
        HttpResponse<String> response = as(ALICE).postJson(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(field);
    }

    private void assertBadTerms(String path, String body, String field) {
        HttpResponse<String> response = put(http(), path, body, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(fields(response)).as(response.body()).anyMatch(f -> f.startsWith(field));
    }

    private static String register(String role) {
        return "{\"role\": \"" + role + "\", \"name\": \"A participant\", \"organisation\": \"City of Essen\"}";
    }

    private static String status(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return ServiceHttp.json(response).path("status").asString();
    }

    private static HttpResponse<String> delete(ServiceHttp as, String path, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(as.uri(path)).DELETE();
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return as.send(request);
    }

    private static HttpResponse<String> put(ServiceHttp as, String path, String json, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(as.uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return as.send(request);
    }

    private static List<String> participants(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ServiceHttp.json(response).path("items").valueStream().map(r -> r.path("participant").asString())
                .toList();
    }

    private static List<String> fields(HttpResponse<String> response) {
        return ServiceHttp.json(response).path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }
}
