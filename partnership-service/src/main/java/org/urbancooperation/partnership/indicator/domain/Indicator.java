package org.urbancooperation.partnership.indicator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.domain.RuleViolationException;

/**
 * A programme indicator of one partnership, as Interreg's Jems keeps them: a code the secretariat chooses (unique
 * within the partnership), a name, a unit, a baseline, a target to reach by a target date, and where its actual
 * value comes from: counted from the other services' events (AUTOMATIC, with a {@link IndicatorMeasure}) or entered
 * by hand (MANUAL, with the history of {@link ManualValue}s). Immutable: each command returns the new state.
 */
public record Indicator(
        UUID partnershipId,
        String code,
        LocalizedText name,
        String unit,
        IndicatorSource source,
        IndicatorMeasure measure,
        BigDecimal baseline,
        BigDecimal target,
        LocalDate targetDate,
        List<ManualValue> manualValues) {

    public static final int MAX_CODE = 32;
    public static final int MAX_NAME = 200;
    public static final int MAX_UNIT = 50;
    public static final int MAX_SOURCE_TEXT = 500;
    /** Enough for a value a month for decades; keeps the document small. */
    public static final int MAX_MANUAL_VALUES = 500;
    /** Numbers a programme reports: up to a trillion, with at most 6 decimals. */
    static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000000");
    static final int MAX_DECIMALS = 6;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]+([._-][A-Z0-9]+)*");

    public Indicator {
        Require.present("partnershipId", partnershipId);
        Require.present("code", code);
        Require.present("name", name);
        unit = Require.text("unit", unit, MAX_UNIT);
        Require.present("source", source);
        if ((source == IndicatorSource.AUTOMATIC) != (measure != null)) {
            throw new InvalidValueException("measure", source == IndicatorSource.AUTOMATIC
                    ? "measure is required for an AUTOMATIC indicator, one of " + Arrays.toString(IndicatorMeasure.values())
                    : "measure is for AUTOMATIC indicators only; a MANUAL one has none");
        }
        Require.present("baseline", baseline);
        Require.present("target", target);
        Require.present("targetDate", targetDate);
        manualValues = List.copyOf(manualValues == null ? List.of() : manualValues);
    }

    /** The rules for a new indicator (beyond the invariants the constructor keeps for stored ones too). */
    public static ResultWithEvents<Indicator, IndicatorEvent> define(UUID partnershipId, String code,
            Map<String, String> name, String unit, String source, String measure, BigDecimal baseline,
            BigDecimal target, LocalDate targetDate) {
        String checkedCode = code(code);
        LocalizedText checkedName = LocalizedText.of("name", name, true, MAX_NAME);
        String checkedUnit = Require.visibleText("unit", unit, MAX_UNIT);
        IndicatorSource checkedSource = oneOf("source", source, IndicatorSource.class);
        IndicatorMeasure checkedMeasure = measure == null ? null : oneOf("measure", measure, IndicatorMeasure.class);
        checkTarget(baseline, target, targetDate);
        Indicator indicator = new Indicator(partnershipId, checkedCode, checkedName, checkedUnit, checkedSource,
                checkedMeasure, baseline, target, targetDate, List.of());
        return ResultWithEvents.of(indicator, new IndicatorEvent.TargetSet(indicator));
    }

    /** The secretariat sets a new baseline, target or target date (e.g. after a programme's mid-term review). */
    public ResultWithEvents<Indicator, IndicatorEvent> setTarget(BigDecimal newBaseline, BigDecimal newTarget,
            LocalDate newTargetDate) {
        checkTarget(newBaseline, newTarget, newTargetDate);
        Indicator changed = new Indicator(partnershipId, code, name, unit, source, measure, newBaseline, newTarget,
                newTargetDate, manualValues);
        return ResultWithEvents.of(changed, new IndicatorEvent.TargetSet(changed));
    }

    /**
     * A value measured by hand on {@code measuredOn}, with where it comes from. Only MANUAL indicators take them:
     * an AUTOMATIC one is counted from the events (409).
     */
    public ResultWithEvents<Indicator, IndicatorEvent> enterValue(BigDecimal value, LocalDate measuredOn,
            String sourceText, String enteredBy, Instant enteredAt) {
        if (source == IndicatorSource.AUTOMATIC) {
            throw new RuleViolationException("Indicator " + code + " is AUTOMATIC (" + measure
                    + "): its actual value is counted from the services' events, not entered by hand");
        }
        number("value", value, false);
        Require.date("measuredOn", measuredOn);
        String checkedSource = Require.visibleText("source", sourceText, MAX_SOURCE_TEXT);
        if (manualValues.size() >= MAX_MANUAL_VALUES) {
            throw new RuleViolationException("Indicator " + code + " holds " + MAX_MANUAL_VALUES
                    + " values already, the most one indicator keeps");
        }
        List<ManualValue> values = new ArrayList<>(manualValues);
        values.add(new ManualValue(value, measuredOn, checkedSource, enteredBy, enteredAt));
        return ResultWithEvents.of(new Indicator(partnershipId, code, name, unit, source, measure, baseline, target,
                targetDate, values));
    }

    /** The actual of a MANUAL indicator: the value measured last (of two on the same date, the one entered last). */
    public Optional<ManualValue> latestManualValue() {
        return manualValues.stream().max(Comparator.comparing(ManualValue::measuredOn)
                .thenComparing(ManualValue::enteredAt));
    }

    /** How far an actual is towards the target: actual / target, 4 decimals (the target is never zero). */
    public BigDecimal progress(BigDecimal actual) {
        return actual.divide(target, 4, RoundingMode.HALF_EVEN);
    }

    /** A code such as {@code IURC-EV-1} or {@code RCO87}: upper-case letters and digits, joined by {@code - . _}. */
    public static String code(String code) {
        Require.present("code", code);
        if (code.isEmpty() || code.length() > MAX_CODE || !CODE.matcher(code).matches()) {
            throw new InvalidValueException("code", "code must be upper-case letters and digits, joined by single "
                    + "hyphens, dots or underscores, at most " + MAX_CODE + " characters, such as IURC-EV-1");
        }
        return code;
    }

    private static void checkTarget(BigDecimal baseline, BigDecimal target, LocalDate targetDate) {
        number("baseline", baseline, false);
        number("target", target, true);
        Require.date("targetDate", targetDate);
    }

    private static void number(String field, BigDecimal value, boolean positive) {
        Require.present(field, value);
        if (value.signum() < 0 || (positive && value.signum() == 0)) {
            throw new InvalidValueException(field, field + " must be " + (positive ? "greater than 0" : "0 or more"));
        }
        if (value.compareTo(MAX_NUMBER) > 0 || value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new InvalidValueException(field, field + " must be at most " + MAX_NUMBER.toPlainString()
                    + " with at most " + MAX_DECIMALS + " decimals");
        }
    }

    private static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        Require.present(field, value);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidValueException(field, field + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }
}
