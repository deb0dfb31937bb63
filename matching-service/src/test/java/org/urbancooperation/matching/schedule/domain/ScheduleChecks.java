package org.urbancooperation.matching.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.urbancooperation.matching.shared.domain.InterpreterPair;

/** Every hard rule of a schedule, checked from the outside: what the property tests assert for any input. */
final class ScheduleChecks {

    private ScheduleChecks() {
    }

    static void assertValid(List<SchedulingSlot> slots, List<SchedulingParticipant> participants,
            List<MatchToPlace> matches, ScheduleResult result) {
        Map<String, SchedulingParticipant> people = participants.stream()
                .collect(Collectors.toMap(SchedulingParticipant::id, Function.identity()));
        Map<String, MatchToPlace> byId = matches.stream()
                .collect(Collectors.toMap(MatchToPlace::matchId, Function.identity()));
        Set<String> accounted = new HashSet<>();
        Set<String> personInSlot = new HashSet<>();
        Set<String> tableInSlot = new HashSet<>();
        Map<String, Integer> meetingsOf = new HashMap<>();
        Map<String, Integer> interpretersInSlot = new HashMap<>();
        for (PlacedMeeting meeting : result.meetings()) {
            MatchToPlace match = byId.get(meeting.matchId());
            assertThat(match).as("a meeting of a known match").isNotNull();
            assertThat(accounted.add(meeting.matchId())).as("one meeting per match").isTrue();
            SchedulingSlot slot = slots.get(meeting.slot());
            SchedulingParticipant a = people.get(match.participantA());
            SchedulingParticipant b = people.get(match.participantB());
            assertThat(personInSlot.add(a.id() + "@" + meeting.slot())).as("%s twice in slot %s", a.id(), meeting.slot())
                    .isTrue();
            assertThat(personInSlot.add(b.id() + "@" + meeting.slot())).as("%s twice in slot %s", b.id(), meeting.slot())
                    .isTrue();
            assertThat(meeting.table()).isBetween(1, slot.tables());
            assertThat(tableInSlot.add(meeting.table() + "@" + meeting.slot())).as("table twice").isTrue();
            assertThat(a.isAvailableIn(slot)).as("%s available in %s", a.id(), meeting.slot()).isTrue();
            assertThat(b.isAvailableIn(slot)).as("%s available in %s", b.id(), meeting.slot()).isTrue();
            meetingsOf.merge(a.id(), 1, Integer::sum);
            meetingsOf.merge(b.id(), 1, Integer::sum);
            boolean shareLanguage = a.languages().isEmpty() || b.languages().isEmpty()
                    || a.languages().stream().anyMatch(b.languages()::contains);
            if (shareLanguage) {
                assertThat(meeting.interpreter()).as("no interpreter where they share a language").isNull();
            } else {
                InterpreterPair pair = meeting.interpreter();
                assertThat(pair).as("an interpreter where they share no language").isNotNull();
                assertThat((a.languages().contains(pair.first()) && b.languages().contains(pair.second()))
                        || (a.languages().contains(pair.second()) && b.languages().contains(pair.first())))
                        .as("the interpreter covers their languages").isTrue();
                int taken = interpretersInSlot.merge(pair + "@" + meeting.slot(), 1, Integer::sum);
                assertThat(taken).as("interpreters of %s in slot %s", pair, meeting.slot())
                        .isLessThanOrEqualTo(slot.interpretersFor(pair));
            }
        }
        meetingsOf.forEach((id, count) -> assertThat(count).as("cap of %s", id)
                .isLessThanOrEqualTo(people.get(id).maxMeetings()));
        for (UnplacedMatch unplaced : result.unplaced()) {
            assertThat(accounted.add(unplaced.matchId())).as("placed or unplaced, once").isTrue();
        }
        assertThat(accounted).isEqualTo(byId.keySet());
        assertThat(result.statistics().meetingsPlaced()).isEqualTo(result.meetings().size());
        assertThat(result.statistics().meetingsPlaced()).isLessThanOrEqualTo(result.statistics().meetingUpperBound());
        assertThat(result.statistics().slotsUsed()).isGreaterThanOrEqualTo(result.statistics().slotLowerBound());
    }
}
