package org.urbancooperation.partnership.actionplan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.ResultWithEvents;

class ActionTest {

    static final Actor KORIYAMA = new Actor("koriyama", "city-of-koriyama");
    static final Instant AT = Instant.parse("2020-10-13T07:00:00Z");
    static final UUID PARTNERSHIP = UUID.randomUUID();
    static final UUID FOCAL_POINT_3 = UUID.randomUUID();

    static final Set<List<ActionStatus>> ALLOWED = Set.of(
            List.of(ActionStatus.PLANNED, ActionStatus.UNDERWAY), List.of(ActionStatus.PLANNED, ActionStatus.POSTPONED),
            List.of(ActionStatus.PLANNED, ActionStatus.CANCELLED),
            List.of(ActionStatus.UNDERWAY, ActionStatus.COMPLETED), List.of(ActionStatus.UNDERWAY, ActionStatus.POSTPONED),
            List.of(ActionStatus.UNDERWAY, ActionStatus.CANCELLED),
            List.of(ActionStatus.POSTPONED, ActionStatus.PLANNED), List.of(ActionStatus.POSTPONED, ActionStatus.UNDERWAY),
            List.of(ActionStatus.POSTPONED, ActionStatus.POSTPONED),
            List.of(ActionStatus.POSTPONED, ActionStatus.CANCELLED));

    static Action.Plan internship() {
        return new Action.Plan(FOCAL_POINT_3, Map.of("en", "Internship programme between the Faculty of Medicine, "
                + "Duisburg-Essen University and the Southern Tohoku General Hospital"), "education", null, null,
                List.of("faculty-of-medicine-duisburg-essen", "southern-tohoku-general-hospital"), "2020-06",
                "2020-08", ActionFormat.IN_PERSON);
    }

    static Action planned() {
        return Action.plan(UUID.randomUUID(), PARTNERSHIP, internship(), KORIYAMA, AT).aggregate();
    }

    /** An action in {@code status}, reached by allowed moves. */
    static Action in(ActionStatus status) {
        Action a = planned();
        return switch (status) {
            case PLANNED -> a;
            case UNDERWAY -> move(a, ActionStatus.UNDERWAY);
            case POSTPONED -> move(a, ActionStatus.POSTPONED);
            case COMPLETED -> move(move(a, ActionStatus.UNDERWAY), ActionStatus.COMPLETED);
            case CANCELLED -> move(a, ActionStatus.CANCELLED);
        };
    }

    static Action move(Action a, ActionStatus to) {
        return a.moveTo(to, "Due to COVID-19", to == ActionStatus.POSTPONED ? "2021-04" : null, null, KORIYAMA, AT)
                .aggregate();
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (ActionStatus from : ActionStatus.values()) {
            for (ActionStatus to : ActionStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void everyMoveIsAllowedOrRefusedAsTheTableSays(ActionStatus from, ActionStatus to) {
        Action action = in(from);
        boolean allowed = ALLOWED.contains(List.of(from, to));
        assertThat(from.mayMoveTo(to)).isEqualTo(allowed);
        if (allowed) {
            ResultWithEvents<Action, ActionEvent> moved = action.moveTo(to, "Due to COVID-19",
                    to == ActionStatus.POSTPONED ? "2022-04" : null, null, KORIYAMA, AT);
            assertThat(moved.aggregate().status()).isEqualTo(to);
            HistoryEntry last = moved.aggregate().history().get(moved.aggregate().history().size() - 1);
            assertThat(last.kind()).isEqualTo(HistoryEntry.Kind.STATUS);
            assertThat(last.from()).isEqualTo(from.name());
            assertThat(last.to()).isEqualTo(to.name());
            assertThat(last.reason()).isEqualTo("Due to COVID-19");
            assertThat(last.by()).isEqualTo(KORIYAMA);
            assertThat(last.at()).isEqualTo(AT);
            assertThat(moved.events()).singleElement().isInstanceOf(ActionEvent.StatusChanged.class);
        } else {
            assertThatThrownBy(() -> action.moveTo(to, "Due to COVID-19", null, null, KORIYAMA, AT))
                    .isInstanceOfSatisfying(ActionMoveRefused.class, e -> {
                        assertThat(e.current()).isEqualTo(from);
                        assertThat(e.allowed()).isEqualTo(from.allowedMoves());
                        assertThat(e.getMessage()).contains(from.name());
                    });
        }
    }

    @Test
    void theTableHasExactlyTheDocumentedMoves() {
        for (ActionStatus from : ActionStatus.values()) {
            for (ActionStatus to : ActionStatus.values()) {
                assertThat(from.mayMoveTo(to)).as(from + " -> " + to).isEqualTo(ALLOWED.contains(List.of(from, to)));
            }
        }
        assertThat(EnumSet.allOf(ActionStatus.class).stream().filter(ActionStatus::isFinal))
                .containsExactlyInAnyOrder(ActionStatus.COMPLETED, ActionStatus.CANCELLED);
    }

    @Test
    void planningRecordsWhoAndWhenAndRaisesPlanned() {
        ResultWithEvents<Action, ActionEvent> result = Action.plan(UUID.randomUUID(), PARTNERSHIP, internship(),
                KORIYAMA, AT);
        Action a = result.aggregate();
        assertThat(a.status()).isEqualTo(ActionStatus.PLANNED);
        assertThat(a.window().from().text()).isEqualTo("2020-06");
        assertThat(a.window().to().text()).isEqualTo("2020-08");
        assertThat(a.window().lastDay()).isEqualTo(LocalDate.of(2020, 8, 31));
        assertThat(a.history()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(HistoryEntry.Kind.PLANNED);
            assertThat(e.to()).isEqualTo("PLANNED");
            assertThat(e.by()).isEqualTo(KORIYAMA);
        });
        assertThat(result.events()).singleElement().isInstanceOf(ActionEvent.Planned.class);
    }

    @Test
    void postponingNeedsAReasonAndMayGiveTheEarliestOfTwoWindows() {
        Action scholars = planned();
        assertThatThrownBy(() -> scholars.moveTo(ActionStatus.POSTPONED, null, "2021-04", null, KORIYAMA, AT))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> scholars.moveTo(ActionStatus.POSTPONED, " ", "2021-04", null, KORIYAMA, AT))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("reason"));

        Action postponed = scholars.moveTo(ActionStatus.POSTPONED, "Postponed to April 2021 or 2022 due to COVID-19",
                "2021-04", null, KORIYAMA, AT).aggregate();
        assertThat(postponed.window().toString()).isEqualTo("2021-04");
        assertThat(postponed.statusReason()).isEqualTo("Postponed to April 2021 or 2022 due to COVID-19");
        // The second of the two: postponed again.
        Action again = postponed.moveTo(ActionStatus.POSTPONED, "Postponed to April 2022 due to COVID-19", "2022-04",
                null, KORIYAMA, AT).aggregate();
        assertThat(again.window().from().text()).isEqualTo("2022-04");
        assertThat(again.history()).extracting(HistoryEntry::to).containsExactly("PLANNED", "POSTPONED", "POSTPONED");
    }

    @Test
    void postponingWithoutANewWindowKeepsTheOldOneWhichThenBecomesOverdue() {
        Action postponed = planned().moveTo(ActionStatus.POSTPONED, "Postponed due to COVID-19", null, null,
                KORIYAMA, AT).aggregate();
        assertThat(postponed.window().toString()).isEqualTo("2020-06 to 2020-08");
        assertThat(postponed.isOverdue(LocalDate.of(2020, 8, 31))).isFalse();
        assertThat(postponed.isOverdue(LocalDate.of(2020, 9, 1))).isTrue();
    }

    @Test
    void cancellingNeedsAReasonAndCompletingTakesNoWindow() {
        assertThatThrownBy(() -> planned().moveTo(ActionStatus.CANCELLED, null, null, null, KORIYAMA, AT))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        Action underway = in(ActionStatus.UNDERWAY);
        assertThatThrownBy(() -> underway.moveTo(ActionStatus.COMPLETED, null, "2021-01", null, KORIYAMA, AT))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("plannedFrom"));
        assertThat(underway.moveTo(ActionStatus.COMPLETED, null, null, null, KORIYAMA, AT).aggregate().status())
                .isEqualTo(ActionStatus.COMPLETED);
    }

    @Test
    void resumingMayGiveANewWindow() {
        Action resumed = in(ActionStatus.POSTPONED).moveTo(ActionStatus.PLANNED, null, "2021-07-01", "2021-07-31",
                KORIYAMA, AT).aggregate();
        assertThat(resumed.window().from().precision()).isEqualTo(PlannedPeriod.Precision.DAY);
        assertThat(resumed.window().toString()).isEqualTo("2021-07-01 to 2021-07-31");
    }

    @Test
    void movingOnlineKeepsTheStatusAndRecordsTheFormatChange() {
        Action exchange = planned();
        ResultWithEvents<Action, ActionEvent> online = exchange.changeFormat(ActionFormat.ONLINE,
                "Online exchange programme for FY2020 due to COVID-19", KORIYAMA, AT);
        assertThat(online.aggregate().format()).isEqualTo(ActionFormat.ONLINE);
        assertThat(online.aggregate().status()).isEqualTo(ActionStatus.PLANNED);
        HistoryEntry last = online.aggregate().history().get(1);
        assertThat(last.kind()).isEqualTo(HistoryEntry.Kind.FORMAT);
        assertThat(last.from()).isEqualTo("IN_PERSON");
        assertThat(last.to()).isEqualTo("ONLINE");
        assertThat(online.events()).singleElement().isInstanceOf(ActionEvent.FormatChanged.class);

        assertThatThrownBy(() -> online.aggregate().changeFormat(ActionFormat.ONLINE, "again", KORIYAMA, AT))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("format"));
        assertThatThrownBy(() -> exchange.changeFormat(ActionFormat.ONLINE, null, KORIYAMA, AT))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        for (ActionStatus done : List.of(ActionStatus.COMPLETED, ActionStatus.CANCELLED)) {
            assertThatThrownBy(() -> in(done).changeFormat(ActionFormat.ONLINE, "late", KORIYAMA, AT))
                    .isInstanceOfSatisfying(ActionMoveRefused.class, e -> assertThat(e.current()).isEqualTo(done));
        }
    }

    @Test
    void editingRecordsTheChangedFieldsAndNothingWhenNothingChanged() {
        Action a = planned();
        assertThat(a.edit(new Action.Edit(null, null, "education", null, null, null, null, null), KORIYAMA, AT))
                .isSameAs(a);
        Action edited = a.edit(new Action.Edit(null, Map.of("en", "Internship programme", "ja", "インターンシップ"),
                null, null, "southern-tohoku-general-hospital", List.of("faculty-of-medicine-duisburg-essen"), null,
                "2020-09"), KORIYAMA, AT);
        assertThat(edited.history().get(1).changedFields())
                .containsExactly("title", "leadOrganisationId", "partnerOrganisationIds", "plannedWindow");
        assertThat(edited.window().toString()).isEqualTo("2020-06 to 2020-09");
        assertThat(edited.title().in("ja")).contains("インターンシップ");
        assertThatThrownBy(() -> a.edit(new Action.Edit(null, null, null, null, "southern-tohoku-general-hospital",
                null, null, null), KORIYAMA, AT)).isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("leadOrganisationId"));
    }

    @Test
    void badInputNamesTheField() {
        assertField(new Action.Plan(null, internship().title(), "education", null, null, null, null, null, null),
                "focalPointId");
        assertField(new Action.Plan(FOCAL_POINT_3, Map.of("ja", "インターンシップ"), "education", null, null, null,
                null, null, null), "title.en");
        assertField(new Action.Plan(FOCAL_POINT_3, Map.of("en", "Bad\u202Etitle"), "education", null, null, null,
                null, null, null), "title.en");
        assertField(new Action.Plan(FOCAL_POINT_3, internship().title(), "Education", null, null, null, null, null,
                null), "theme");
        assertField(new Action.Plan(FOCAL_POINT_3, internship().title(), "education", "Climate Action", null, null,
                null, null, null), "network");
        assertField(new Action.Plan(FOCAL_POINT_3, internship().title(), "education", null, "FREA", null, null, null,
                null), "leadOrganisationId");
        assertField(new Action.Plan(FOCAL_POINT_3, internship().title(), "education", null, "frea",
                List.of("city-of-essen", "city-of-essen"), null, null, null), "partnerOrganisationIds[1]");
        assertField(new Action.Plan(FOCAL_POINT_3, internship().title(), "education", null, "frea", List.of("frea"),
                null, null, null), "partnerOrganisationIds[0]");
        assertField(new Action.Plan(FOCAL_POINT_3, internship().title(), "education", null, null, null, "Summer 2020",
                null, null), "plannedFrom");
        assertField(new Action.Plan(FOCAL_POINT_3, internship().title(), "education", null, null, null, "2020-13",
                null, null), "plannedFrom");
        assertField(new Action.Plan(FOCAL_POINT_3, internship().title(), "education", null, null, null, "1899-12",
                null, null), "plannedFrom");
        assertField(new Action.Plan(FOCAL_POINT_3, internship().title(), "education", null, null, null, "2020-02-30",
                null, null), "plannedFrom");
        assertField(new Action.Plan(FOCAL_POINT_3, internship().title(), "education", null, null, null, null,
                "2020-08", null), "plannedFrom");
        assertField(new Action.Plan(FOCAL_POINT_3, internship().title(), "education", null, null, null, "2020-08",
                "2020-06-30", null), "plannedTo");
    }

    @Test
    void aMonthAndADayKeepTheirPrecision() {
        assertThat(PlannedPeriod.parse("f", "2021-04").lastDay()).isEqualTo(LocalDate.of(2021, 4, 30));
        assertThat(PlannedPeriod.parse("f", "2021-04").text()).isEqualTo("2021-04");
        assertThat(PlannedPeriod.parse("f", "2020-10-28").lastDay()).isEqualTo(LocalDate.of(2020, 10, 28));
        assertThat(PlannedPeriod.parse("f", "2020-02").lastDay()).isEqualTo(LocalDate.of(2020, 2, 29));
        // Overlapping ends of different precision are fine: the window ends in the month it starts.
        assertThat(PlannedWindow.parse("2020-10-28", "2020-10").lastDay()).isEqualTo(LocalDate.of(2020, 10, 31));
    }

    @Test
    void overdueMeansOpenAndItsWindowEndedBeforeToday() {
        LocalDate september = LocalDate.of(2020, 9, 1);
        assertThat(planned().isOverdue(september)).isTrue();
        assertThat(in(ActionStatus.UNDERWAY).isOverdue(september)).isTrue();
        assertThat(in(ActionStatus.COMPLETED).isOverdue(september)).isFalse();
        assertThat(in(ActionStatus.CANCELLED).isOverdue(september)).isFalse();
        assertThat(in(ActionStatus.POSTPONED).isOverdue(september)).isFalse();
        assertThat(in(ActionStatus.POSTPONED).isOverdue(LocalDate.of(2021, 5, 1))).isTrue();
        Action unscheduled = Action.plan(UUID.randomUUID(), PARTNERSHIP, new Action.Plan(FOCAL_POINT_3,
                Map.of("en", "Alfried Krupp pupils scholarship"), "education", null, null, null, null, null, null),
                KORIYAMA, AT).aggregate();
        assertThat(unscheduled.isOverdue(september)).isFalse();
    }

    private static void assertField(Action.Plan plan, String field) {
        assertThatThrownBy(() -> Action.plan(UUID.randomUUID(), PARTNERSHIP, plan, KORIYAMA, AT))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.fields()).contains(field));
    }
}
