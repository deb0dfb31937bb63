package org.urbancooperation.events.cooperationevent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.ResultWithEvents;

class CooperationEventTest {

    private static final UUID PARTNERSHIP = UUID.randomUUID();
    /** 25 Jan 2023, 09:00-12:00 CET = 08:00-11:00 UTC. */
    private static final Instant STARTS = Instant.parse("2023-01-25T08:00:00Z");
    private static final Instant ENDS = Instant.parse("2023-01-25T11:00:00Z");
    private static final List<String> BRUSSELS_TOKYO = List.of("Europe/Brussels", "Asia/Tokyo");

    @Test
    void schedulingRaisesScheduledWithTheNewEvent() {
        ResultWithEvents<CooperationEvent, CooperationEventChange> result = CooperationEvent.schedule(UUID.randomUUID(),
                PARTNERSHIP, "  EU-Japan 100 Cities Event on Climate Action  ", EventFormat.CONFERENCE, STARTS, ENDS,
                BRUSSELS_TOKYO, List.of("en", "ja"), null);

        CooperationEvent event = result.aggregate();
        assertThat(event.title()).isEqualTo("EU-Japan 100 Cities Event on Climate Action");
        assertThat(event.timeZones()).containsExactly(ZoneId.of("Europe/Brussels"), ZoneId.of("Asia/Tokyo"));
        assertThat(event.languages()).containsExactly("en", "ja");
        assertThat(event.venue()).isNull();
        assertThat(result.events()).containsExactly(new CooperationEventChange.Scheduled(event));
    }

    @Test
    void localTimesShowTheAgendaOnEachPartnersClock() {
        CooperationEvent climateAction = schedule(STARTS, ENDS, BRUSSELS_TOKYO);

        assertThat(climateAction.localTimes()).containsExactly(
                new LocalTimes(ZoneId.of("Europe/Brussels"), OffsetDateTime.parse("2023-01-25T09:00+01:00"),
                        OffsetDateTime.parse("2023-01-25T12:00+01:00")),
                new LocalTimes(ZoneId.of("Asia/Tokyo"), OffsetDateTime.parse("2023-01-25T17:00+09:00"),
                        OffsetDateTime.parse("2023-01-25T20:00+09:00")));
    }

    @Test
    void localTimesFollowSummerTimeAndCrossMidnight() {
        // 18:00-20:00 in Essen in August (CEST, +02:00) is 01:00-03:00 the next day in Koriyama.
        CooperationEvent evening = schedule(Instant.parse("2019-08-27T16:00:00Z"), Instant.parse("2019-08-27T18:00:00Z"),
                List.of("Europe/Berlin", "Asia/Tokyo"));

        assertThat(evening.localTimes()).extracting(LocalTimes::startsAt).containsExactly(
                OffsetDateTime.parse("2019-08-27T18:00+02:00"), OffsetDateTime.parse("2019-08-28T01:00+09:00"));
        assertThat(evening.localTimes().get(1).endsAt()).isEqualTo(OffsetDateTime.parse("2019-08-28T03:00+09:00"));
    }

    @Test
    void timesAreKeptToTheSecond() {
        CooperationEvent event = schedule(Instant.parse("2023-01-25T08:00:00.123456Z"),
                Instant.parse("2023-01-25T11:00:00.999Z"), BRUSSELS_TOKYO);

        assertThat(event.startsAt()).isEqualTo(STARTS);
        assertThat(event.endsAt()).isEqualTo(ENDS);
    }

    @Test
    void anEventLastsAtMost31Days() {
        Instant studyTourStart = Instant.parse("2019-08-26T07:00:00Z");
        assertThat(schedule(studyTourStart, studyTourStart.plus(Duration.ofDays(31)), BRUSSELS_TOKYO).endsAt())
                .isEqualTo(Instant.parse("2019-09-26T07:00:00Z"));
        assertField(() -> schedule(studyTourStart, studyTourStart.plus(Duration.ofDays(31)).plusSeconds(1),
                BRUSSELS_TOKYO), "startsAt", "endsAt");
    }

    @Test
    void anEventEndsAfterItStarts() {
        assertField(() -> schedule(ENDS, STARTS, BRUSSELS_TOKYO), "startsAt", "endsAt");
        assertField(() -> schedule(STARTS, STARTS, BRUSSELS_TOKYO), "startsAt", "endsAt");
        // Equal once cut to the second.
        assertField(() -> schedule(STARTS, STARTS.plusMillis(500), BRUSSELS_TOKYO), "startsAt", "endsAt");
    }

    @Test
    void instantsOutsideTheYears1900To2200AreRefused() {
        assertField(() -> schedule(Instant.parse("1899-12-31T23:00:00Z"), Instant.parse("1900-01-01T01:00:00Z"),
                BRUSSELS_TOKYO), "startsAt");
        assertField(() -> schedule(Instant.parse("2200-12-31T23:00:00Z"), Instant.parse("2201-01-01T01:00:00Z"),
                BRUSSELS_TOKYO), "endsAt");
        assertField(() -> schedule(Instant.MAX.minusSeconds(10), Instant.MAX, BRUSSELS_TOKYO), "startsAt");
    }

    @Test
    void invalidInputNamesTheField() {
        assertField(() -> schedule(STARTS, ENDS, List.of("Europe/Brussels", "JST")), "timeZones[1]");
        assertField(() -> schedule(STARTS, ENDS, List.of("CET+9")), "timeZones[0]");
        assertField(() -> schedule(STARTS, ENDS, List.of()), "timeZones");
        assertField(() -> schedule(STARTS, ENDS, List.of("Europe/Brussels", "Europe/Brussels")), "timeZones[1]");
        assertField(() -> schedule(STARTS, ENDS, List.of("Europe/Brussels", "Europe/Berlin", "Europe/Paris",
                "Asia/Tokyo", "Europe/Rome")), "timeZones");
        assertField(() -> withLanguages(List.of("en", "xx")), "languages[1]");
        assertField(() -> withLanguages(List.of("EN")), "languages[0]");
        assertField(() -> withLanguages(List.of("eng")), "languages[0]");
        assertField(() -> withLanguages(List.of("en", "en")), "languages[1]");
        assertField(() -> withLanguages(List.of("en", "ja", "de", "fr", "it", "es", "ko")), "languages");
        assertField(() -> CooperationEvent.schedule(UUID.randomUUID(), PARTNERSHIP, " ", EventFormat.WORKSHOP, STARTS,
                ENDS, BRUSSELS_TOKYO, List.of(), null), "title");
        assertField(() -> CooperationEvent.schedule(UUID.randomUUID(), PARTNERSHIP, "x".repeat(201),
                EventFormat.WORKSHOP, STARTS, ENDS, BRUSSELS_TOKYO, List.of(), null), "title");
        assertField(() -> CooperationEvent.schedule(UUID.randomUUID(), PARTNERSHIP, "No format", null, STARTS, ENDS,
                BRUSSELS_TOKYO, List.of(), null), "format");
        assertField(() -> CooperationEvent.schedule(UUID.randomUUID(), PARTNERSHIP, "Long venue", EventFormat.TRADE_FAIR,
                STARTS, ENDS, BRUSSELS_TOKYO, List.of(), "v".repeat(301)), "venue");
    }

    @Test
    void sixLanguagesAndABlankVenueAreAccepted() {
        CooperationEvent event = CooperationEvent.schedule(UUID.randomUUID(), PARTNERSHIP, "Trade fair",
                EventFormat.TRADE_FAIR, STARTS, ENDS, BRUSSELS_TOKYO, List.of("en", "ja", "de", "fr", "it", "es"), "  ")
                .aggregate();

        assertThat(event.languages()).hasSize(6);
        assertThat(event.venue()).as("blank means not known").isNull();
    }

    private static CooperationEvent schedule(Instant startsAt, Instant endsAt, List<String> timeZones) {
        return CooperationEvent.schedule(UUID.randomUUID(), PARTNERSHIP, "EU-Japan 100 Cities Event on Climate Action",
                EventFormat.CONFERENCE, startsAt, endsAt, timeZones, List.of("en", "ja"), null).aggregate();
    }

    private static CooperationEvent withLanguages(List<String> languages) {
        return CooperationEvent.schedule(UUID.randomUUID(), PARTNERSHIP, "Joint seminar", EventFormat.JOINT_SEMINAR,
                STARTS, ENDS, BRUSSELS_TOKYO, languages, "Essen").aggregate();
    }

    private static void assertField(Runnable action, String... fields) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.fields()).containsExactly(fields));
    }
}
