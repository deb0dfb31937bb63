package org.urbancooperation.partnership.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.domain.RuleViolationException;

class IndicatorTest {

    static final UUID ESSEN_KORIYAMA = UUID.fromString("0b6e7a52-3c1d-4f8e-b2a9-5d4c3e2f1a00");
    static final Map<String, String> NAME = Map.of("en", "Joint seminars and study tours held");

    static Indicator automatic() {
        return Indicator.define(ESSEN_KORIYAMA, "IURC-EV-1", NAME, "events", "AUTOMATIC", "COOPERATION_EVENTS_HELD",
                BigDecimal.ZERO, new BigDecimal("4"), LocalDate.of(2021, 12, 31)).aggregate();
    }

    static Indicator manual() {
        return Indicator.define(ESSEN_KORIYAMA, "IURC-ST-2", Map.of("en", "Students exchanged"), "students",
                "MANUAL", null, BigDecimal.ZERO, new BigDecimal("2"), LocalDate.of(2022, 4, 30)).aggregate();
    }

    @Test
    void definingRaisesTargetSet() {
        ResultWithEvents<Indicator, IndicatorEvent> defined = Indicator.define(ESSEN_KORIYAMA, "IURC-EV-1", NAME,
                "events", "AUTOMATIC", "COOPERATION_EVENTS_HELD", BigDecimal.ZERO, new BigDecimal("4"),
                LocalDate.of(2021, 12, 31));

        assertThat(defined.aggregate().measure()).isEqualTo(IndicatorMeasure.COOPERATION_EVENTS_HELD);
        assertThat(defined.events()).singleElement().isEqualTo(new IndicatorEvent.TargetSet(defined.aggregate()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "iurc-1", "IURC 1", "IURC--1", "-IURC", "IURC-", "ÄB", "A234567890123456789012345678901234"})
    void codesAreUpperCaseWordsJoinedBySingleSeparators(String code) {
        assertField(() -> Indicator.define(ESSEN_KORIYAMA, code, NAME, "events", "MANUAL", null, BigDecimal.ZERO,
                BigDecimal.ONE, LocalDate.of(2021, 1, 1)), "code");
    }

    @Test
    void codesLikeJemsOnesAreAccepted() {
        for (String code : new String[] {"RCO87", "IURC-EV-1", "PSO.1_A"}) {
            assertThat(Indicator.code(code)).isEqualTo(code);
        }
    }

    @Test
    void everyFieldIsCheckedAndNamed() {
        LocalDate date = LocalDate.of(2021, 12, 31);
        assertField(() -> Indicator.define(ESSEN_KORIYAMA, "A", Map.of("ja", "視察"), "events", "MANUAL", null,
                BigDecimal.ZERO, BigDecimal.ONE, date), "name.en");
        assertField(() -> Indicator.define(ESSEN_KORIYAMA, "A", null, "events", "MANUAL", null,
                BigDecimal.ZERO, BigDecimal.ONE, date), "name");
        assertField(() -> Indicator.define(ESSEN_KORIYAMA, "A", NAME, " ", "MANUAL", null,
                BigDecimal.ZERO, BigDecimal.ONE, date), "unit");
        assertField(() -> Indicator.define(ESSEN_KORIYAMA, "A", NAME, "events", "SOMETIMES", null,
                BigDecimal.ZERO, BigDecimal.ONE, date), "source");
        assertField(() -> Indicator.define(ESSEN_KORIYAMA, "A", NAME, "events", "AUTOMATIC", null,
                BigDecimal.ZERO, BigDecimal.ONE, date), "measure");
        assertField(() -> Indicator.define(ESSEN_KORIYAMA, "A", NAME, "events", "AUTOMATIC", "EVERYTHING",
                BigDecimal.ZERO, BigDecimal.ONE, date), "measure");
        assertField(() -> Indicator.define(ESSEN_KORIYAMA, "A", NAME, "events", "MANUAL", "MATCHES_ACCEPTED",
                BigDecimal.ZERO, BigDecimal.ONE, date), "measure");
        assertField(() -> Indicator.define(ESSEN_KORIYAMA, "A", NAME, "events", "MANUAL", null,
                new BigDecimal("-1"), BigDecimal.ONE, date), "baseline");
        assertField(() -> Indicator.define(ESSEN_KORIYAMA, "A", NAME, "events", "MANUAL", null,
                BigDecimal.ZERO, BigDecimal.ZERO, date), "target");
        assertField(() -> Indicator.define(ESSEN_KORIYAMA, "A", NAME, "events", "MANUAL", null,
                BigDecimal.ZERO, new BigDecimal("0.0000001"), date), "target");
        assertField(() -> Indicator.define(ESSEN_KORIYAMA, "A", NAME, "events", "MANUAL", null,
                BigDecimal.ZERO, new BigDecimal("1E+13"), date), "target");
        assertField(() -> Indicator.define(ESSEN_KORIYAMA, "A", NAME, "events", "MANUAL", null,
                BigDecimal.ZERO, BigDecimal.ONE, LocalDate.of(2201, 1, 1)), "targetDate");
        assertField(() -> Indicator.define(ESSEN_KORIYAMA, "A", NAME, "events", "MANUAL", null,
                BigDecimal.ZERO, BigDecimal.ONE, null), "targetDate");
    }

    @Test
    void settingATargetKeepsTheValuesAndRaisesTargetSet() {
        Indicator withValue = manual().enterValue(BigDecimal.ONE, LocalDate.of(2020, 12, 31), "Annual report",
                "city-of-essen", Instant.parse("2021-01-10T09:00:00Z")).aggregate();

        ResultWithEvents<Indicator, IndicatorEvent> set = withValue.setTarget(BigDecimal.ZERO, new BigDecimal("3"),
                LocalDate.of(2022, 12, 31));

        assertThat(set.aggregate().target()).isEqualByComparingTo("3");
        assertThat(set.aggregate().manualValues()).hasSize(1);
        assertThat(set.events()).singleElement().isInstanceOf(IndicatorEvent.TargetSet.class);
        assertField(() -> withValue.setTarget(BigDecimal.ZERO, new BigDecimal("-3"), LocalDate.of(2022, 12, 31)),
                "target");
    }

    @Test
    void manualValuesKeepTheirHistoryAndTheLatestMeasuredIsTheActual() {
        Indicator indicator = manual()
                .enterValue(new BigDecimal("2"), LocalDate.of(2021, 6, 30), "Survey", "city-of-koriyama",
                        Instant.parse("2021-07-01T09:00:00Z")).aggregate()
                .enterValue(BigDecimal.ONE, LocalDate.of(2020, 12, 31), "Annual report 2020", "operator",
                        Instant.parse("2021-07-02T09:00:00Z")).aggregate();

        assertThat(indicator.manualValues()).hasSize(2);
        assertThat(indicator.latestManualValue().orElseThrow().value()).isEqualByComparingTo("2");
        assertThat(indicator.progress(new BigDecimal("1"))).isEqualByComparingTo("0.5");
    }

    @Test
    void valuesAreCheckedAndNamed() {
        Indicator indicator = manual();
        Instant now = Instant.parse("2021-07-01T09:00:00Z");
        assertField(() -> indicator.enterValue(new BigDecimal("-1"), LocalDate.of(2021, 1, 1), "x", "operator", now),
                "value");
        assertField(() -> indicator.enterValue(null, LocalDate.of(2021, 1, 1), "x", "operator", now), "value");
        assertField(() -> indicator.enterValue(BigDecimal.ONE, null, "x", "operator", now), "measuredOn");
        assertField(() -> indicator.enterValue(BigDecimal.ONE, LocalDate.of(1899, 12, 31), "x", "operator", now),
                "measuredOn");
        assertField(() -> indicator.enterValue(BigDecimal.ONE, LocalDate.of(2021, 1, 1), "", "operator", now),
                "source");
        assertField(() -> indicator.enterValue(BigDecimal.ONE, LocalDate.of(2021, 1, 1), "a\u202Eb", "operator", now),
                "source");
    }

    @Test
    void automaticIndicatorsTakeNoHandEnteredValues() {
        assertThatThrownBy(() -> automatic().enterValue(BigDecimal.ONE, LocalDate.of(2021, 1, 1), "Annual report",
                "operator", Instant.now())).isInstanceOf(RuleViolationException.class).hasMessageContaining("AUTOMATIC");
    }

    static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo(field));
    }
}
