package org.urbancooperation.events.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.BRUSSELS;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.TOKYO;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.draft;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.publish;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.EventTimes;
import org.urbancooperation.events.cooperationevent.domain.TimePrecision;

class EventCalendarTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static final Instant V1 = Instant.parse("2023-01-10T10:00:00Z");
    static final Instant V2 = Instant.parse("2023-01-15T10:00:00Z");
    static final Instant V3 = Instant.parse("2023-01-20T10:00:00Z");

    final UUID opening = UUID.randomUUID();
    final UUID panel = UUID.randomUUID();
    final UUID closing = UUID.randomUUID();

    CooperationEvent firstVersion() {
        return publish(draft(BRUSSELS, "2023-01-25T08:00:00Z", "2023-01-26T11:00:00Z"), V1,
                session(opening, "Opening remarks", "2023-01-25T08:00:00Z", "2023-01-25T08:15:00Z"),
                session(panel, "Panel 1: Energy Security", "2023-01-25T08:45:00Z", "2023-01-25T09:40:00Z",
                        "Daisaku Kadokawa"),
                session(closing, null, "2023-01-26T10:45:00Z", "2023-01-26T11:00:00Z"));
    }

    @Test
    void aDraftHasNoEntriesAndAPublishedEventOnePerSessionWithStableUidsInTimeOrder() {
        assertThat(EventCalendar.entriesOf(draft(BRUSSELS, "2023-01-25T08:00:00Z", "2023-01-26T11:00:00Z"), 1))
                .isEmpty();
        List<CalendarEntry> entries = EventCalendar.entriesOf(firstVersion(), 3);
        assertThat(entries).extracting(CalendarEntry::uid).containsExactly(opening + "@urban-cooperation",
                panel + "@urban-cooperation", closing + "@urban-cooperation");
        CalendarEntry p = entries.get(1);
        assertThat(p.sequence()).isZero();
        assertThat(p.status()).isEqualTo(CalendarEntry.Status.CONFIRMED);
        assertThat(p.summary()).isEqualTo("Panel 1: Energy Security");
        assertThat(p.description()).contains("EU-Japan 100 Cities Event on Climate Action")
                .contains("Speakers: Daisaku Kadokawa (Mayor, City of Kyoto)");
        assertThat(p.location()).isEqualTo("Room 1, Messe Essen, Norbertstraße 2, Essen");
        assertThat(p.url()).isEqualTo("https://example.org/live/100-cities");
        assertThat(p.startsAt()).isEqualTo(Instant.parse("2023-01-25T08:45:00Z"));
        assertThat(p.zone()).isEqualTo(BRUSSELS);
        assertThat(p.lastModified()).isEqualTo(V1);
        assertThat(entries.get(2).summary()).as("a session without title is named by its kind").isEqualTo("Panel");
    }

    @Test
    void aMovedSessionsSequenceGoesUpWithEachVersionThatChangedItAndARemovedOneStaysCancelled() {
        CooperationEvent v2 = publish(firstVersion(), V2,
                session(opening, "Opening remarks", "2023-01-25T08:00:00Z", "2023-01-25T08:15:00Z"),
                session(panel, "Panel 1: Energy Security", "2023-01-25T09:00:00Z", "2023-01-25T09:55:00Z",
                        "Daisaku Kadokawa"),
                session(closing, null, "2023-01-26T10:45:00Z", "2023-01-26T11:00:00Z"));
        CooperationEvent v3 = publish(v2, V3,
                session(opening, "Opening remarks", "2023-01-25T08:00:00Z", "2023-01-25T08:15:00Z"),
                session(panel, "Panel 1: Energy Security", "2023-01-25T09:30:00Z", "2023-01-25T10:25:00Z",
                        "Ivan Ivankovic"));
        Map<UUID, CalendarEntry> entries = byId(EventCalendar.entriesOf(v3, 7));

        assertThat(entries.get(opening).sequence()).as("never changed").isZero();
        assertThat(entries.get(opening).lastModified()).isEqualTo(V1);
        assertThat(entries.get(panel).sequence()).as("moved in v2, moved and new speaker in v3: two versions")
                .isEqualTo(2);
        assertThat(entries.get(panel).startsAt()).isEqualTo(Instant.parse("2023-01-25T09:30:00Z"));
        assertThat(entries.get(panel).lastModified()).isEqualTo(V3);
        assertThat(entries.get(closing).status()).isEqualTo(CalendarEntry.Status.CANCELLED);
        assertThat(entries.get(closing).sequence()).isEqualTo(1);
        assertThat(entries.get(closing).startsAt()).as("where it was").isEqualTo(Instant.parse("2023-01-26T10:45:00Z"));
        assertThat(entries.get(closing).lastModified()).isEqualTo(V3);

        CooperationEvent back = publish(v3, V3.plusSeconds(60),
                session(opening, "Opening remarks", "2023-01-25T08:00:00Z", "2023-01-25T08:15:00Z"),
                session(panel, "Panel 1: Energy Security", "2023-01-25T09:30:00Z", "2023-01-25T10:25:00Z",
                        "Ivan Ivankovic"),
                session(closing, null, "2023-01-26T10:45:00Z", "2023-01-26T11:00:00Z"));
        CalendarEntry restored = byId(EventCalendar.entriesOf(back, 9)).get(closing);
        assertThat(restored.status()).isEqualTo(CalendarEntry.Status.CONFIRMED);
        assertThat(restored.sequence()).as("back on the agenda: higher again").isEqualTo(2);
        assertThat(EventCalendar.sessionEntry(back, closing)).contains(restored);
        assertThat(EventCalendar.sessionEntry(back, UUID.randomUUID())).isEmpty();
    }

    @Test
    void everyEntryOfACancelledEventIsCancelledWithAHigherSequenceAndPostponedThenCancelledStillGoesUp() {
        CooperationEvent published = firstVersion();
        CooperationEvent postponed = published.postpone(new EventTimes.Period(Instant.parse("2023-03-01T08:00:00Z"), Instant.parse("2023-03-02T11:00:00Z"), TimePrecision.TIME), "Venue unavailable").aggregate();
        Map<UUID, CalendarEntry> whilePostponed = byId(EventCalendar.entriesOf(postponed, 4));
        assertThat(whilePostponed.values()).allSatisfy(e -> {
            assertThat(e.status()).as("its new time is not published yet").isEqualTo(CalendarEntry.Status.TENTATIVE);
            assertThat(e.sequence()).isEqualTo(1);
            assertThat(e.description()).startsWith("Postponed: Venue unavailable");
        });

        CooperationEvent cancelled = postponed.cancel("Travel restrictions").aggregate();
        assertThat(EventCalendar.entriesOf(cancelled, 5)).hasSize(3).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(CalendarEntry.Status.CANCELLED);
            assertThat(e.sequence()).isEqualTo(2);
            assertThat(e.description()).startsWith("Cancelled: Travel restrictions");
        });
    }

    @Test
    void aPostponedEventsSessionsPublishedAtTheirNewTimesAreConfirmedAgainWithAHigherSequence() {
        CooperationEvent postponed = firstVersion().postpone(new EventTimes.Period(Instant.parse("2023-03-01T08:00:00Z"), Instant.parse("2023-03-02T11:00:00Z"), TimePrecision.TIME), "Venue unavailable").aggregate();
        CooperationEvent moved = publish(postponed, V3,
                session(opening, "Opening remarks", "2023-03-01T08:00:00Z", "2023-03-01T08:15:00Z"),
                session(panel, "Panel 1: Energy Security", "2023-03-01T08:45:00Z", "2023-03-01T09:40:00Z",
                        "Daisaku Kadokawa"),
                session(closing, null, "2023-03-02T10:45:00Z", "2023-03-02T11:00:00Z"));
        assertThat(EventCalendar.entriesOf(moved, 6)).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(CalendarEntry.Status.CONFIRMED);
            assertThat(e.sequence()).as("postponed, then moved").isEqualTo(2);
            assertThat(e.startsAt()).isAfter(Instant.parse("2023-03-01T00:00:00Z"));
        });
    }

    @Test
    void anEventWithoutSessionsIsOneEntryWhoseSequenceIsItsStoredVersionAndFollowsItsDates() {
        CooperationEvent published = publish(draft(BRUSSELS, "2019-08-26T07:00:00Z", "2019-08-30T15:00:00Z"), V1);
        CalendarEntry entry = EventCalendar.entriesOf(published, 2).get(0);
        assertThat(entry.uid()).isEqualTo(published.id() + "@urban-cooperation");
        assertThat(entry.summary()).isEqualTo("EU-Japan 100 Cities Event on Climate Action");
        assertThat(entry.location()).isEqualTo("Messe Essen, Norbertstraße 2, Essen");

        CooperationEvent postponed = published.postpone(new EventTimes.Period(Instant.parse("2019-09-26T07:00:00Z"), Instant.parse("2019-09-30T15:00:00Z"), TimePrecision.TIME), "Later").aggregate();
        CalendarEntry moved = EventCalendar.entriesOf(postponed, 3).get(0);
        assertThat(moved.uid()).isEqualTo(entry.uid());
        assertThat(moved.sequence()).isGreaterThan(entry.sequence());
        assertThat(moved.startsAt()).isEqualTo(Instant.parse("2019-09-26T07:00:00Z"));
        assertThat(moved.status()).isEqualTo(CalendarEntry.Status.CONFIRMED);
        assertThat(EventCalendar.entriesOf(postponed.cancel("No").aggregate(), 4).get(0).status())
                .isEqualTo(CalendarEntry.Status.CANCELLED);
    }

    @Test
    void anEventKnownOnlyToTheDayOrMonthIsAnAllDayEntryEndingTheDayAfterItsLast() {
        // REIF Fukushima, 28-29 Oct 2020 on Tokyo's clocks; the study tour to Essen, Aug 2019 on Berlin's.
        CooperationEvent days = publish(draft(TOKYO, "2020-10-27T15:00:00Z", "2020-10-29T15:00:00Z",
                TimePrecision.DAY), V1);
        CalendarEntry reif = EventCalendar.entriesOf(days, 2).get(0);
        assertThat(reif.allDay()).isTrue();
        assertThat(reif.startDate()).isEqualTo(LocalDate.of(2020, 10, 28));
        assertThat(reif.endDateExclusive()).isEqualTo(LocalDate.of(2020, 10, 30));

        CooperationEvent month = publish(draft(BERLIN, "2019-07-31T22:00:00Z", "2019-08-31T22:00:00Z",
                TimePrecision.MONTH), V1);
        CalendarEntry tour = EventCalendar.entriesOf(month, 2).get(0);
        assertThat(tour.allDay()).isTrue();
        assertThat(tour.startDate()).isEqualTo(LocalDate.of(2019, 8, 1));
        assertThat(tour.endDateExclusive()).isEqualTo(LocalDate.of(2019, 9, 1));

        CooperationEvent timed = publish(draft(BRUSSELS, "2019-08-26T07:00:00Z", "2019-08-30T15:00:00Z"), V1);
        assertThat(EventCalendar.entriesOf(timed, 2).get(0).allDay()).isFalse();
        assertThat(EventCalendar.entriesOf(firstVersion(), 2)).noneMatch(CalendarEntry::allDay);
    }

    @Test
    void anAllDayEntryRefusesBoundsThatAreNotStartsOfDaysOnItsClocks() {
        Instant at = Instant.parse("2020-10-27T15:00:00Z");
        assertThatThrownBy(() -> new CalendarEntry("x@test", 0, CalendarEntry.Status.CONFIRMED, "x", null, null,
                null, at, Instant.parse("2020-10-29T16:00:00Z"), TOKYO, at, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarEntry("x@test", 0, CalendarEntry.Status.CONFIRMED, "x", null, null,
                null, at, at, TOKYO, at, true)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<UUID, CalendarEntry> byId(List<CalendarEntry> entries) {
        return entries.stream().collect(Collectors.toMap(e -> UUID.fromString(e.uid().substring(0, 36)),
                Function.identity()));
    }
}
