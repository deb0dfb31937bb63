package org.urbancooperation.events.cooperationevent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.domain.ResultWithEvents;

class CooperationEventTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final UUID PARTNERSHIP = UUID.randomUUID();

    static CooperationEvent.Details details(Instant start, Instant end) {
        return new CooperationEvent.Details(EventKind.CONFERENCE, EventFormat.ONLINE,
                "EU-Japan 100 Cities Event on Climate Action", new LocalizedText(Map.of("en", "City-level cooperation")), null,
                null,
                List.of("eu-delegation-japan", "iges"), List.of(PARTNERSHIP), null, List.of("Kyoto", "Zagreb"),
                BRUSSELS, List.of(ZoneId.of("Asia/Tokyo")), start, end, TimePrecision.TIME, List.of("en", "ja"),
                List.of(new Interpretation("en", "ja", Interpretation.Mode.SIMULTANEOUS, null)), null, List.of());
    }

    static CooperationEvent draft() {
        return CooperationEvent.draft(UUID.randomUUID(), details(Instant.parse("2023-01-25T08:00:00Z"),
                Instant.parse("2023-01-26T11:00:00Z"))).aggregate();
    }

    static EventTimes.Period times(String start, String end) {
        return new EventTimes.Period(Instant.parse(start), Instant.parse(end), TimePrecision.TIME);
    }

    static Session session(UUID id, String start, String end, String... speakers) {
        return new Session(id, SessionKind.PANEL, new LocalizedText(Map.of("en", "Panel")), null, Instant.parse(start),
                Instant.parse(end), null, null,
                java.util.Arrays.stream(speakers).map(n -> new Speaker(n, null, null, null, null, false)).toList(),
                List.of(), List.of(), List.of("en"), List.of());
    }

    @Test
    void aDraftIsShownInItsOwnZoneFirstAndRaisesNothing() {
        ResultWithEvents<CooperationEvent, CooperationEventChange> created = CooperationEvent.draft(UUID.randomUUID(),
                details(Instant.parse("2023-01-25T08:00:00Z"), Instant.parse("2023-01-26T11:00:00Z")));
        assertThat(created.events()).isEmpty();
        assertThat(created.aggregate().status()).isEqualTo(EventStatus.DRAFT);
        assertThat(created.aggregate().timeZones()).containsExactly(BRUSSELS, ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void publishingPublishesTheAgendaAsVersionOneAndAChangedAgendaAsTheNextWithItsChangeList() {
        UUID opening = UUID.randomUUID();
        UUID panel = UUID.randomUUID();
        UUID closing = UUID.randomUUID();
        CooperationEvent withAgenda = draft().changeAgenda(List.of(
                session(panel, "2023-01-25T08:45:00Z", "2023-01-25T09:40:00Z", "Tomoaki Yoshida"),
                session(opening, "2023-01-25T08:00:00Z", "2023-01-25T08:15:00Z"),
                session(closing, "2023-01-26T10:45:00Z", "2023-01-26T11:00:00Z"))).aggregate();
        assertThat(withAgenda.agenda()).extracting(Session::id).as("in time order").containsExactly(opening, panel,
                closing);

        ResultWithEvents<CooperationEvent, CooperationEventChange> published = withAgenda.publish(
                Instant.parse("2023-01-10T00:00:00Z"));
        assertThat(published.events()).hasSize(2);
        assertThat(published.events().get(0)).isInstanceOf(CooperationEventChange.Published.class);
        assertThat(published.aggregate().latestAgenda().orElseThrow().number()).isEqualTo(1);

        UUID added = UUID.randomUUID();
        CooperationEvent changed = published.aggregate().changeAgenda(List.of(
                session(opening, "2023-01-25T08:00:00Z", "2023-01-25T08:15:00Z"),
                session(panel, "2023-01-25T09:00:00Z", "2023-01-25T09:55:00Z", "Ivan Ivankovic"),
                session(added, "2023-01-26T08:00:00Z", "2023-01-26T08:10:00Z"))).aggregate();
        assertThat(changed.latestAgenda().orElseThrow().sessions()).as("readers still see version 1").hasSize(3)
                .extracting(Session::id).contains(closing);
        ResultWithEvents<CooperationEvent, CooperationEventChange> second = changed.publishAgenda(
                Instant.parse("2023-01-20T00:00:00Z"));

        AgendaVersion v2 = second.aggregate().latestAgenda().orElseThrow();
        assertThat(v2.number()).isEqualTo(2);
        assertThat(v2.changes()).containsExactly(
                new AgendaChange(AgendaChange.Type.MOVED, panel,
                        new AgendaChange.Period(Instant.parse("2023-01-25T08:45:00Z"),
                                Instant.parse("2023-01-25T09:40:00Z")),
                        new AgendaChange.Period(Instant.parse("2023-01-25T09:00:00Z"),
                                Instant.parse("2023-01-25T09:55:00Z")), null, null),
                new AgendaChange(AgendaChange.Type.SPEAKERS_CHANGED, panel, null, null, List.of("Tomoaki Yoshida"),
                        List.of("Ivan Ivankovic")),
                new AgendaChange(AgendaChange.Type.ADDED, added, null,
                        new AgendaChange.Period(Instant.parse("2023-01-26T08:00:00Z"),
                                Instant.parse("2023-01-26T08:10:00Z")), null, null),
                new AgendaChange(AgendaChange.Type.REMOVED, closing,
                        new AgendaChange.Period(Instant.parse("2023-01-26T10:45:00Z"),
                                Instant.parse("2023-01-26T11:00:00Z")), null, null, null));
        assertThat(second.events()).singleElement().isInstanceOf(CooperationEventChange.AgendaPublished.class);
        ResultWithEvents<CooperationEvent, CooperationEventChange> again = second.aggregate().publishAgenda(
                Instant.parse("2023-01-21T00:00:00Z"));
        assertThat(again.aggregate()).as("nothing changed: the same state").isSameAs(second.aggregate());
        assertThat(again.events()).isEmpty();
    }

    @Test
    void theLifecycleRefusesMovesTheCurrentStateDoesNotAllowNamingIt() {
        CooperationEvent draft = draft();
        assertThatThrownBy(() -> draft.complete(Instant.parse("2024-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(StatusMoveRefused.class, e -> assertThat(e.current())
                        .isEqualTo(EventStatus.DRAFT));
        assertThatThrownBy(() -> draft.publishAgenda(Instant.now())).isInstanceOf(StatusMoveRefused.class);
        ResultWithEvents<CooperationEvent, CooperationEventChange> publishing = draft.publish(
                Instant.parse("2023-01-01T00:00:00Z"));
        CooperationEvent published = publishing.aggregate();
        assertThat(published.latestAgenda().orElseThrow().sessions()).as("an empty agenda is version 1 too").isEmpty();
        assertThat(publishing.events()).hasSize(2);
        assertThatThrownBy(() -> published.publish(Instant.now())).isInstanceOfSatisfying(StatusMoveRefused.class,
                e -> assertThat(e.current()).isEqualTo(EventStatus.PUBLISHED));
        assertThatThrownBy(() -> published.complete(Instant.parse("2023-01-26T10:59:59Z")))
                .as("not ended yet").isInstanceOf(StatusMoveRefused.class);

        ResultWithEvents<CooperationEvent, CooperationEventChange> postponed = published.postpone(times("2023-02-01T08:00:00Z", "2023-02-02T11:00:00Z"), "Venue unavailable");
        assertThat(postponed.aggregate().status()).isEqualTo(EventStatus.POSTPONED);
        assertThat(postponed.aggregate().statusReason()).isEqualTo("Venue unavailable");
        assertThat(((CooperationEventChange.Postponed) postponed.events().get(0)).from().startsAt())
                .isEqualTo(Instant.parse("2023-01-25T08:00:00Z"));
        assertThatThrownBy(() -> published.postpone(times("2023-02-01T08:00:00Z", "2023-02-02T11:00:00Z"), " ")).isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.fields()).containsExactly("reason"));

        CooperationEvent completed = postponed.aggregate().complete(Instant.parse("2023-02-03T00:00:00Z")).aggregate();
        assertThat(completed.status()).isEqualTo(EventStatus.COMPLETED);
        assertThatThrownBy(() -> completed.cancel("too late")).isInstanceOfSatisfying(StatusMoveRefused.class,
                e -> {
                    assertThat(e.current()).isEqualTo(EventStatus.COMPLETED);
                    assertThat(e.allowed()).isEmpty();
                });
        assertThatThrownBy(() -> completed.changeAgenda(List.of())).isInstanceOf(StatusMoveRefused.class);

        CooperationEventChange.Cancelled cancelledDraft = (CooperationEventChange.Cancelled) draft().cancel("No funds")
                .events().get(0);
        assertThat(cancelledDraft.wasPublic()).isFalse();
    }

    static CooperationEvent.Details retitled(CooperationEvent e, String title, List<Material> materials) {
        CooperationEvent.Details d = e.details();
        return new CooperationEvent.Details(d.kind(), d.format(), title, d.descriptions(), d.venue(), d.onlineLink(),
                d.organisers(), d.partnershipIds(), d.programmeId(), d.cities(), d.timeZone(), d.timeZones(),
                d.startsAt(), d.endsAt(), d.timePrecision(), d.languages(), d.interpretation(), d.capacity(), materials);
    }

    static CooperationEvent.Details moved(CooperationEvent e, Instant start, Instant end) {
        CooperationEvent.Details d = e.details();
        return new CooperationEvent.Details(d.kind(), d.format(), d.title(), d.descriptions(), d.venue(),
                d.onlineLink(), d.organisers(), d.partnershipIds(), d.programmeId(), d.cities(), d.timeZone(),
                d.timeZones(), start, end, d.timePrecision(), d.languages(), d.interpretation(), d.capacity(), d.materials());
    }

    @Test
    void aDraftsDetailsChangeQuietlyAndAPublicEventsChangeIsAnnounced() {
        Material programme = new Material("Programme (PDF)", "https://example.org/programme.pdf", "en",
                "application/pdf", 919_210L);
        CooperationEvent draft = draft();
        ResultWithEvents<CooperationEvent, CooperationEventChange> quiet = draft.changeDetails(retitled(draft,
                "EU-Japan 100 Cities Event", List.of(programme)));
        assertThat(quiet.events()).as("a draft is nobody's business yet").isEmpty();
        assertThat(quiet.aggregate().title()).isEqualTo("EU-Japan 100 Cities Event");
        assertThat(quiet.aggregate().materials()).containsExactly(programme);
        assertThat(quiet.aggregate().startsAt()).isEqualTo(draft.startsAt());

        CooperationEvent published = quiet.aggregate().publish(Instant.parse("2023-01-10T00:00:00Z")).aggregate();
        ResultWithEvents<CooperationEvent, CooperationEventChange> announced = published.changeDetails(
                retitled(published, "EU-Japan 100 Cities Event on Climate Action", List.of()));
        assertThat(announced.events()).singleElement().isInstanceOf(CooperationEventChange.DetailsChanged.class);
        assertThat(announced.aggregate().status()).isEqualTo(EventStatus.PUBLISHED);
        assertThat(announced.aggregate().agendaVersions()).isEqualTo(published.agendaVersions());
        assertThat(announced.aggregate().materials()).isEmpty();

        ResultWithEvents<CooperationEvent, CooperationEventChange> again = announced.aggregate().changeDetails(
                announced.aggregate().details());
        assertThat(again.aggregate()).as("unchanged: the same state, nothing raised").isSameAs(announced.aggregate());
        assertThat(again.events()).isEmpty();
    }

    @Test
    void detailsDoNotMoveTimesAndEndedEventsDoNotChange() {
        CooperationEvent published = draft().publish(Instant.parse("2023-01-10T00:00:00Z")).aggregate();
        assertField(() -> published.changeDetails(moved(published, published.startsAt().plusSeconds(3600),
                published.endsAt())), "startsAt");
        assertField(() -> published.changeDetails(moved(published, published.startsAt(),
                published.endsAt().plusSeconds(3600))), "endsAt");

        CooperationEvent cancelled = published.cancel("Travel restrictions").aggregate();
        assertThatThrownBy(() -> cancelled.changeDetails(retitled(cancelled, "Other", List.of())))
                .isInstanceOfSatisfying(StatusMoveRefused.class,
                        e -> assertThat(e.current()).isEqualTo(EventStatus.CANCELLED));
        CooperationEvent completed = published.complete(Instant.parse("2023-02-01T00:00:00Z")).aggregate();
        assertThatThrownBy(() -> completed.changeDetails(retitled(completed, "Other", List.of())))
                .isInstanceOfSatisfying(StatusMoveRefused.class,
                        e -> assertThat(e.current()).isEqualTo(EventStatus.COMPLETED));
        CooperationEvent postponed = published.postpone(times("2023-03-01T08:00:00Z", "2023-03-02T11:00:00Z"), "Venue not available").aggregate();
        assertThat(postponed.changeDetails(retitled(postponed, "Other", List.of())).events()).hasSize(1);
    }

    @Test
    void aChangedZoneComesFirstAndKeepsTheInstants() {
        CooperationEvent draft = draft();
        CooperationEvent.Details d = draft.details();
        CooperationEvent inTokyo = draft.changeDetails(new CooperationEvent.Details(d.kind(), d.format(), d.title(),
                d.descriptions(), d.venue(), d.onlineLink(), d.organisers(), d.partnershipIds(), d.programmeId(),
                d.cities(), ZoneId.of("Asia/Tokyo"), d.timeZones(), d.startsAt(), d.endsAt(), d.timePrecision(), d.languages(),
                d.interpretation(), d.capacity(), d.materials())).aggregate();
        assertThat(inTokyo.timeZones()).containsExactly(ZoneId.of("Asia/Tokyo"), BRUSSELS);
        assertThat(inTokyo.startsAt()).isEqualTo(draft.startsAt());
    }

    @Test
    void badInputNamesTheField() {
        Instant start = Instant.parse("2023-01-25T08:00:00Z");
        assertField(() -> CooperationEvent.draft(UUID.randomUUID(), details(start, start)), "startsAt", "endsAt");
        assertField(() -> CooperationEvent.draft(UUID.randomUUID(), details(start, start.plusSeconds(32 * 86400))),
                "startsAt", "endsAt");
        CooperationEvent.Details d = details(start, start.plusSeconds(3600));
        assertField(() -> CooperationEvent.draft(UUID.randomUUID(), new CooperationEvent.Details(d.kind(), d.format(),
                d.title(), d.descriptions(), d.venue(), d.onlineLink(), List.of(), null, null, d.cities(),
                d.timeZone(), d.timeZones(), d.startsAt(), d.endsAt(), d.timePrecision(), d.languages(), d.interpretation(),
                d.capacity(), List.of())), "organisers", "partnershipIds");
        assertField(() -> draft().changeAgenda(List.of(session(UUID.randomUUID(), "2023-01-25T07:00:00Z",
                "2023-01-25T08:15:00Z"))), "sessions[0].startsAt", "sessions[0].endsAt");
        UUID twice = UUID.randomUUID();
        assertField(() -> draft().changeAgenda(List.of(session(twice, "2023-01-25T08:00:00Z", "2023-01-25T08:15:00Z"),
                session(twice, "2023-01-25T09:00:00Z", "2023-01-25T09:15:00Z"))), "sessions[1].id");
        assertField(() -> new Interpretation("en", "en", Interpretation.Mode.SIMULTANEOUS, null), "language",
                "otherLanguage");
        assertField(() -> new Material("Slides", "ftp://example.org/x.pdf", null, null, null), "url");
        assertField(() -> new Material("Slides", null, null, "pdf", null), "mediaType");
        assertField(() -> EventTimes.resolve("startsAt", "25 Jan 2023 09:00", BRUSSELS, null), "startsAt");
        assertField(() -> EventTimes.resolve("startsAt", "2023-01-25T24:00", BRUSSELS, null), "startsAt");
        assertField(() -> EventTimes.resolve("startsAt", "+10000-01-25T09:00:00+01:00", BRUSSELS, null), "startsAt");
    }

    @Test
    void theHundredCitiesTimesReadInBrusselsAndTokyoAsTheSeedPrintsThem() {
        Instant start = EventTimes.resolve("startsAt", "2023-01-25T09:00", BRUSSELS, null);
        assertThat(start).isEqualTo(Instant.parse("2023-01-25T08:00:00Z"));
        EventTimes.TimeInZone tokyo = EventTimes.TimeInZone.of(start, ZoneId.of("Asia/Tokyo"), BRUSSELS);
        assertThat(tokyo.localTime()).hasToString("2023-01-25T17:00+09:00");
        assertThat(tokyo.zoneName()).isEqualTo("JST");
        assertThat(EventTimes.TimeInZone.of(start, BRUSSELS, BRUSSELS).zoneName()).isEqualTo("CET");
        EventTimes.TimeInZone honolulu = EventTimes.TimeInZone.of(start, ZoneId.of("Pacific/Honolulu"), BRUSSELS);
        assertThat(honolulu.localTime()).hasToString("2023-01-24T22:00-10:00");
        assertThat(honolulu.dayShift()).isEqualTo(-1);
    }

    private static void assertField(Runnable action, String... fields) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.fields()).containsExactly(fields));
    }
}
