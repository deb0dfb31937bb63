package org.urbancooperation.matching.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.matching.match.application.MatchRepository;
import org.urbancooperation.matching.match.domain.Match;
import org.urbancooperation.matching.match.domain.MatchSide;
import org.urbancooperation.matching.matchingevent.persistence.KnownPartnerships;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;

import tools.jackson.databind.JsonNode;

/**
 * A matching event of the Essen - Koriyama partnership with participants and confirmed matches between them, for the
 * schedule and meeting API tests. Each call makes new ones, so tests do not see each other's.
 */
abstract class ScheduledEventFixture extends ServiceApiTest {

    static final String EVENTS = "/api/v1/matching/events";

    @Autowired
    KnownPartnerships partnerships;
    @Autowired
    MatchRepository matchRepository;

    UUID partnership;
    UUID eventId;

    /** The seed's online matching of 18 November 2020: 08:00-11:00 UTC in six 30-minute slots. */
    String openEvent(String startsAt, String endsAt, int slotMinutes) {
        knownPartnership();
        return openEvent(MatchingApiTest.ONLINE_MATCHING.formatted(partnership, startsAt, endsAt, slotMinutes));
    }

    /** A new Essen - Koriyama partnership this service has heard of. */
    UUID knownPartnership() {
        partnership = UUID.randomUUID();
        partnerships.record(new KnownPartnerships.Known(partnership, 1, "Essen - Koriyama",
                List.of("Essen", "Koriyama"), List.of("Europe/Berlin", "Asia/Tokyo"),
                List.of("city-of-essen", "city-of-koriyama")));
        return partnership;
    }

    /** Opens the event of {@code body} (for the partnership of {@link #knownPartnership}) as the operator. */
    String openEvent(String body) {
        HttpResponse<String> opened = http().postJson(EVENTS, body);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        eventId = UUID.fromString(ServiceHttp.json(opened).path("id").asString());
        return EVENTS + "/" + eventId;
    }

    /** A business with a profile in {@code city} speaking {@code languages} in {@code zone}. */
    CallerIdentity business(String name, String city, String languages, String zone) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String profile = BusinessProfileApiTest.profile(city, "p@" + id + ".example")
                .replace("\"languages\": [\"ja\", \"en\"]", "\"languages\": " + languages)
                .replace("\"timeZone\": \"Asia/Tokyo\"", "\"timeZone\": \"" + zone + "\"");
        HttpResponse<String> registered = http().postJson("/api/v1/matching/profiles",
                "{\"id\": \"" + id + "\", " + profile.strip().substring(1));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return CallerIdentity.business(id, id, "jwt");
    }

    CallerIdentity essen(String name) {
        return business(name, "Essen", "[\"de\", \"en\"]", "Europe/Berlin");
    }

    CallerIdentity koriyama(String name) {
        return business(name, "Koriyama", "[\"ja\", \"en\"]", "Asia/Tokyo");
    }

    /** The operator registers the business for the event, free from {@code from} to {@code until}. */
    void join(CallerIdentity business, String from, String until, int maxMeetings) {
        HttpResponse<String> joined = http().postJson(EVENTS + "/" + eventId + "/participants",
                "{\"businessId\": \"" + business.businessId() + "\", "
                        + ParticipantApiTest.participation(from, until, maxMeetings).substring(1));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
    }

    /** The operator registers the business with a participation body of its own. */
    void join(CallerIdentity business, String participation) {
        HttpResponse<String> joined = http().postJson(EVENTS + "/" + eventId + "/participants",
                "{\"businessId\": \"" + business.businessId() + "\", " + participation.strip().substring(1));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
    }

    void changeParticipation(CallerIdentity business, String body) {
        HttpResponse<String> changed = send(http(), "PUT",
                EVENTS + "/" + eventId + "/participants/" + business.businessId(), body);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    /** A match of the two at the event that both accepted, stored as the match feature stores it. */
    UUID confirmed(CallerIdentity one, CallerIdentity other) {
        return confirmed(one, other, UUID.randomUUID());
    }

    /**
     * A confirmed match the scheduler considers before those of {@link #confirmed(CallerIdentity, CallerIdentity)}:
     * with all priorities equal it takes matches in id order, and this id sorts first.
     */
    UUID confirmedFirst(CallerIdentity one, CallerIdentity other) {
        return confirmed(one, other, UUID.fromString("00000000-0000-4000-8000-"
                + UUID.randomUUID().toString().substring(24)));
    }

    UUID confirmed(CallerIdentity one, CallerIdentity other, UUID id) {
        Instant now = Instant.now();
        Match asked = Match.expressInterest(id, new MatchSide(one.businessId(), null, null, null),
                new MatchSide(other.businessId(), null, null, null), eventId, "Let us meet at the matching", now,
                Duration.ofDays(14), 0).aggregate();
        ResultWithEvents<Match, org.urbancooperation.matching.match.domain.MatchEvent> accepted =
                asked.accept(other.businessId(), now, List.of(partnership));
        assertThat(accepted.aggregate().isConfirmed()).isTrue();
        return matchRepository.insert(accepted).aggregate().id();
    }

    HttpResponse<String> send(ServiceHttp who, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(new ServiceHttp(port).uri(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return who.send(request);
    }

    HttpResponse<String> release(ServiceHttp who, String ifMatch) {
        return ifMatch == null ? send(who, "POST", EVENTS + "/" + eventId + "/schedule/releases", "")
                : send(who, "POST", EVENTS + "/" + eventId + "/schedule/releases", "", "If-Match", ifMatch);
    }

    JsonNode released(String ifMatch) {
        HttpResponse<String> released = release(http(), ifMatch);
        assertThat(released.statusCode()).as(released.body()).isEqualTo(201);
        return ServiceHttp.json(released);
    }
}
