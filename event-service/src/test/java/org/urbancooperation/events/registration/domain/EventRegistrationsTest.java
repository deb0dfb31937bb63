package org.urbancooperation.events.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.ResultWithEvents;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The rules of places and waitlist, on the aggregate alone. */
class EventRegistrationsTest {

    static final UUID EVENT = UUID.randomUUID();
    static final UUID PANEL = UUID.randomUUID();
    static final UUID BREAKOUT = UUID.randomUUID();
    static final UUID PARTNERSHIP = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2023-01-10T08:00:00Z");

    static Offer published(Integer capacity) {
        return new Offer("PUBLISHED", capacity, Set.of(PANEL, BREAKOUT), List.of(PARTNERSHIP));
    }

    static EventRegistrations.Application applicant(String who, UUID... sessions) {
        return new EventRegistrations.Application(who, RegistrationRole.DELEGATE, "Person " + who, "City of Essen",
                List.of(sessions));
    }

    static EventRegistrations register(EventRegistrations book, String who, Offer offer, UUID... sessions) {
        return book.register(UUID.randomUUID(), applicant(who, sessions), offer, NOW).aggregate();
    }

    @Test
    void theFirstComeAreConfirmedTheRestWaitAndACancellationPromotesTheFirstInLine() {
        Offer offer = published(2);
        EventRegistrations book = EventRegistrations.none(EVENT);
        for (String who : List.of("a", "b", "c", "d")) {
            book = register(book, who, offer);
        }
        assertThat(status(book, "a")).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(status(book, "b")).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(book.waitlistPosition(book.ofParticipant("c").orElseThrow())).contains(1);
        assertThat(book.waitlistPosition(book.ofParticipant("d").orElseThrow())).contains(2);

        ResultWithEvents<EventRegistrations, RegistrationChange> cancelled = book.cancel(
                book.ofParticipant("a").orElseThrow().id(), offer);
        assertThat(cancelled.events()).hasSize(2);
        assertThat(cancelled.events().get(0)).isInstanceOfSatisfying(RegistrationChange.Withdrawn.class,
                w -> assertThat(w.heldPlace()).isTrue());
        assertThat(cancelled.events().get(1)).isInstanceOfSatisfying(RegistrationChange.Promoted.class, p -> {
            assertThat(p.registration().participant()).isEqualTo("c");
            assertThat(p.position()).isEqualTo(1);
        });
        book = cancelled.aggregate();
        assertThat(status(book, "c")).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(book.waitlistPosition(book.ofParticipant("d").orElseThrow())).contains(1);
        assertThat(book.cancel(book.ofParticipant("a").orElseThrow().id(), offer).aggregate())
                .as("cancelling twice changes nothing").isSameAs(book);
    }

    @Test
    void registeringTwiceGivesTheSameRegistrationAndAfterCancellingTheSameIdAtTheEndOfTheLine() {
        Offer offer = published(1);
        EventRegistrations book = register(EventRegistrations.none(EVENT), "a", offer);
        UUID id = book.ofParticipant("a").orElseThrow().id();
        assertThat(book.register(UUID.randomUUID(), applicant("a"), offer, NOW).aggregate()).isSameAs(book);

        book = register(book, "b", offer);
        book = book.cancel(id, offer).aggregate();
        assertThat(status(book, "b")).isEqualTo(RegistrationStatus.CONFIRMED);
        book = register(book, "a", offer);
        assertThat(book.ofParticipant("a").orElseThrow().id()).isEqualTo(id);
        assertThat(status(book, "a")).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(book.registrations()).hasSize(2);
    }

    @Test
    void placesAddedToTheEventWithoutACommandShowAsPromotableUntilTheNextCommandFillsThem() {
        EventRegistrations book = EventRegistrations.none(EVENT);
        for (String who : List.of("a", "b", "c")) {
            book = register(book, who, published(1));
        }
        assertThat(book.promotable(published(1))).isZero();
        assertThat(book.promotable(published(3))).as("the event grew to 3 places: two who wait fit").isEqualTo(2);
        book = register(book, "d", published(3));
        assertThat(book.promotable(published(3))).isZero();
        assertThat(book.count(RegistrationStatus.CONFIRMED)).isEqualTo(3);
        assertThat(book.ofParticipant("d").orElseThrow().status()).as("first come: d came last")
                .isEqualTo(RegistrationStatus.WAITLISTED);
    }

    @Test
    void aFullSessionWaitlistsThoseWhoAttendItButNotOthers() {
        Offer offer = published(null);
        EventRegistrations book = EventRegistrations.none(EVENT).configure(null, Map.of(PANEL, 1), offer).aggregate();
        book = register(book, "a", offer, PANEL);
        book = register(book, "b", offer, PANEL, BREAKOUT);
        book = register(book, "c", offer, BREAKOUT);
        assertThat(status(book, "b")).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(status(book, "c")).as("the breakout has no limit").isEqualTo(RegistrationStatus.CONFIRMED);
        book = book.configure(null, Map.of(PANEL, 2), offer).aggregate();
        assertThat(status(book, "b")).as("a larger session fills from the waitlist").isEqualTo(
                RegistrationStatus.CONFIRMED);
    }

    @Test
    void registrationIsRefusedUnlessPublishedAndBeforeTheDeadlineNamingWhy() {
        EventRegistrations book = EventRegistrations.none(EVENT)
                .configure(NOW.minusSeconds(1), Map.of(), published(5)).aggregate();
        assertThatThrownBy(() -> register(book, "a", published(5))).isInstanceOfSatisfying(RegistrationClosed.class,
                e -> assertThat(e.field()).isEqualTo("registrationDeadline"));
        Offer postponed = new Offer("POSTPONED", 5, Set.of(), List.of());
        assertThatThrownBy(() -> register(EventRegistrations.none(EVENT), "a", postponed))
                .isInstanceOfSatisfying(RegistrationClosed.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThatThrownBy(() -> register(EventRegistrations.none(EVENT), "a", published(5), UUID.randomUUID()))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("sessionIds[0]"));
    }

    @Test
    void aCancelledOrPostponedEventTellsEachRegistrantOnce() {
        Offer offer = published(1);
        EventRegistrations book = register(register(register(EventRegistrations.none(EVENT), "a", offer), "b", offer),
                "c", offer);
        book = book.cancel(book.ofParticipant("c").orElseThrow().id(), offer).aggregate();
        ResultWithEvents<EventRegistrations, RegistrationChange> told = book.eventChanged(
                RegistrationChange.EventChangeReason.POSTPONED, 4);
        assertThat(told.events()).extracting(c -> c.registration().participant()).containsExactly("a", "b");
        assertThat(told.aggregate().eventChanged(RegistrationChange.EventChangeReason.POSTPONED, 4).events())
                .as("the same notice again is stale").isEmpty();
        assertThat(told.aggregate().eventChanged(RegistrationChange.EventChangeReason.CANCELLED, 3).events())
                .as("an older notice is stale").isEmpty();
    }

    @Test
    void attendanceIsRecordedOnceForConfirmedRegistrationsOnly() {
        Offer offer = published(1);
        EventRegistrations book = register(register(EventRegistrations.none(EVENT), "a", offer), "b", offer);
        UUID a = book.ofParticipant("a").orElseThrow().id();
        ResultWithEvents<EventRegistrations, RegistrationChange> recorded = book.recordAttendance(a, offer, NOW);
        assertThat(recorded.events()).singleElement().isInstanceOf(RegistrationChange.AttendanceRecorded.class);
        assertThat(recorded.aggregate().recordAttendance(a, offer, NOW).aggregate()).isSameAs(recorded.aggregate());
        EventRegistrations withA = recorded.aggregate();
        assertThatThrownBy(() -> withA.recordAttendance(withA.ofParticipant("b").orElseThrow().id(), offer, NOW))
                .isInstanceOf(org.urbancooperation.support.domain.RuleViolationException.class);
    }

    /** One step of a random history: a participant registers (for some sessions), cancels, or a session is resized. */
    record Step(int kind, int participant, int sessions, int places) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 14), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(1, 4)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 300)
    void afterEveryCommandNoPlaceIsGivenTwiceAndNoneIsLeftFreeWhileSomebodyWhoFitsWaits(
            @ForAll @IntRange(min = 1, max = 6) int capacity, @ForAll("histories") List<Step> history) {
        Offer offer = published(capacity);
        EventRegistrations book = EventRegistrations.none(EVENT);
        for (Step s : history) {
            String who = "p" + s.participant();
            if (s.kind() < 6) {
                List<UUID> sessions = new ArrayList<>();
                if ((s.sessions() & 1) != 0) {
                    sessions.add(PANEL);
                }
                if ((s.sessions() & 2) != 0) {
                    sessions.add(BREAKOUT);
                }
                book = register(book, who, offer, sessions.toArray(UUID[]::new));
            } else if (s.kind() < 9) {
                var r = book.ofParticipant(who);
                if (r.isPresent()) {
                    book = book.cancel(r.get().id(), offer).aggregate();
                }
            } else {
                UUID session = s.sessions() % 2 == 0 ? PANEL : BREAKOUT;
                if (s.places() >= book.confirmedIn(session)) {
                    book = book.configure(null, Map.of(session, s.places()), offer).aggregate();
                } else {
                    EventRegistrations before = book;
                    assertThatThrownBy(() -> before.configure(null, Map.of(session, s.places()), offer))
                            .as("fewer places than confirmed").isInstanceOf(InvalidValueException.class);
                }
            }
            assertRules(book, capacity);
            assertThat(book.promotable(offer)).isZero();
        }
    }

    static void assertRules(EventRegistrations book, int capacity) {
        List<Registration> confirmed = book.registrations().stream().filter(Registration::holdsPlace).toList();
        assertThat(confirmed.size()).isLessThanOrEqualTo(capacity);
        book.sessionCapacities().forEach((session, places) ->
                assertThat(book.confirmedIn(session)).isLessThanOrEqualTo(places));
        Set<String> participants = new HashSet<>();
        book.registrations().forEach(r -> assertThat(participants.add(r.participant())).isTrue());
        List<Registration> waiting = book.registrations().stream()
                .filter(r -> r.status() == RegistrationStatus.WAITLISTED)
                .sorted(java.util.Comparator.comparingLong(Registration::sequence)).toList();
        for (int i = 0; i < waiting.size(); i++) {
            Registration w = waiting.get(i);
            assertThat(book.waitlistPosition(w)).contains(i + 1);
            boolean eventHasPlace = confirmed.size() < capacity;
            boolean sessionsHavePlace = w.sessionIds().stream().allMatch(s -> !book.sessionCapacities().containsKey(s)
                    || book.confirmedIn(s) < book.sessionCapacities().get(s));
            assertThat(eventHasPlace && sessionsHavePlace).as("%s waits while a place it fits is free", w).isFalse();
        }
    }

    static RegistrationStatus status(EventRegistrations book, String who) {
        return book.ofParticipant(who).orElseThrow().status();
    }
}
