package org.urbancooperation.matching.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.matching.shared.domain.InterpreterPair;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.RuleViolationException;

class MeetingTest {

    static final UUID EVENT = UUID.fromString("5b0c1a52-8f2e-4a0e-9a51-3c7d2f1e0b11");
    static final UUID PARTNERSHIP = UUID.fromString("0e7c4f7a-2b1d-4c55-8e0f-6a1b2c3d4e5f");
    static final Meeting.Placement SLOT_3 = new Meeting.Placement(3, Instant.parse("2020-11-18T09:00:00Z"),
            Instant.parse("2020-11-18T09:30:00Z"), 2, null, InterpreterPair.of("de", "ja"));
    static final Meeting.Placement SLOT_5 = new Meeting.Placement(5, Instant.parse("2020-11-18T10:00:00Z"),
            Instant.parse("2020-11-18T10:30:00Z"), 1, null, InterpreterPair.of("de", "ja"));

    static Meeting scheduled() {
        return Meeting.schedule(EVENT, PARTNERSHIP, "match-1", "clinic-essen", "robots-koriyama", SLOT_3).aggregate();
    }

    @Test
    void theIdIsTheSameForTheSameMatchAtTheSameEventWhateverTheRelease() {
        var first = Meeting.schedule(EVENT, PARTNERSHIP, "match-1", "clinic-essen", "robots-koriyama", SLOT_3);
        assertThat(first.events()).singleElement().isInstanceOf(MeetingChange.Scheduled.class);
        assertThat(first.aggregate().id()).isEqualTo(Meeting.idOf(EVENT, "match-1"))
                .isNotEqualTo(Meeting.idOf(EVENT, "match-2"));
    }

    @Test
    void aRescheduleRaisesTheSequenceAndTheSamePlacementChangesNothing() {
        var moved = scheduled().reschedule(SLOT_5);
        assertThat(moved.aggregate().sequence()).isEqualTo(1);
        assertThat(moved.aggregate().slot()).isEqualTo(5);
        assertThat(moved.events()).singleElement().isInstanceOf(MeetingChange.Rescheduled.class);
        var again = moved.aggregate().reschedule(SLOT_5);
        assertThat(again.events()).isEmpty();
        assertThat(again.aggregate()).isEqualTo(moved.aggregate());
    }

    @Test
    void bothCheckingInMakesItHeldAndAMissingSideANoShowNamingWho() {
        Instant during = Instant.parse("2020-11-18T09:05:00Z");
        var one = scheduled().checkIn("clinic-essen", during);
        assertThat(one.events()).isEmpty();
        var both = one.aggregate().checkIn("robots-koriyama", during);
        assertThat(both.aggregate().status()).isEqualTo(MeetingStatus.HELD);
        assertThat(both.events()).singleElement().isInstanceOf(MeetingChange.Held.class);
        assertThat(both.aggregate().checkIn("robots-koriyama", during).events()).isEmpty();

        var missed = one.aggregate().close(Instant.parse("2020-11-18T09:31:00Z"));
        assertThat(missed.aggregate().status()).isEqualTo(MeetingStatus.NO_SHOW);
        assertThat(missed.events()).singleElement().isInstanceOfSatisfying(MeetingChange.NoShow.class,
                noShow -> assertThat(noShow.absent()).containsExactly("robots-koriyama"));
    }

    @Test
    void checkInIsForItsTwoParticipantsAroundTheSlotOnly() {
        assertThatThrownBy(() -> scheduled().checkIn("someone-else", Instant.parse("2020-11-18T09:05:00Z")))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("participant"));
        assertThatThrownBy(() -> scheduled().checkIn("clinic-essen", Instant.parse("2020-11-18T08:30:00Z")))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("08:45");
        assertThat(scheduled().checkIn("clinic-essen", Instant.parse("2020-11-18T08:46:00Z")).aggregate().checkedIn())
                .containsExactly("clinic-essen");
        assertThatThrownBy(() -> scheduled().close(Instant.parse("2020-11-18T09:10:00Z")))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aCancelledMeetingStaysCancelledAndCannotBeMovedOrHeld() {
        var cancelled = scheduled().cancel("robots-koriyama dropped out");
        assertThat(cancelled.aggregate().status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(cancelled.aggregate().sequence()).isEqualTo(1);
        assertThat(cancelled.events()).singleElement().isInstanceOf(MeetingChange.Cancelled.class);
        assertThat(cancelled.aggregate().cancel("again").events()).isEmpty();
        assertThatThrownBy(() -> cancelled.aggregate().reschedule(SLOT_5)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("CANCELLED");
        assertThatThrownBy(() -> cancelled.aggregate().recordHeld()).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aSlotNumberedAnewIsNoMoveAndRaisesNothing() {
        Meeting meeting = scheduled();
        Meeting.Placement renumbered = new Meeting.Placement(2, SLOT_3.startsAt(), SLOT_3.endsAt(), SLOT_3.table(),
                null, SLOT_3.interpreter());
        var result = meeting.reschedule(renumbered);
        assertThat(result.events()).isEmpty();
        assertThat(result.aggregate().slot()).isEqualTo(2);
        assertThat(result.aggregate().sequence()).isZero();
        assertThat(result.aggregate().startsAt()).isEqualTo(meeting.startsAt());
    }

    @Test
    void aCancelledMeetingPlacedAgainIsRescheduledUnderItsIdWithAHigherSequence() {
        Meeting cancelled = scheduled().cancel("its match was withdrawn").aggregate();
        var again = cancelled.reinstate(SLOT_5);
        assertThat(again.events()).singleElement().isInstanceOf(MeetingChange.Rescheduled.class);
        assertThat(again.aggregate().status()).isEqualTo(MeetingStatus.SCHEDULED);
        assertThat(again.aggregate().sequence()).isEqualTo(cancelled.sequence() + 1);
        assertThat(again.aggregate().id()).isEqualTo(cancelled.id());
        assertThatThrownBy(() -> scheduled().reinstate(SLOT_5)).isInstanceOf(RuleViolationException.class);
    }
}
