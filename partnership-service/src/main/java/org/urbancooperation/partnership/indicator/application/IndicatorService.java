package org.urbancooperation.partnership.indicator.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.partnership.indicator.application.PartnershipDirectory.PartnershipFacts;
import org.urbancooperation.partnership.indicator.domain.Indicator;
import org.urbancooperation.partnership.indicator.domain.IndicatorEvent;
import org.urbancooperation.partnership.indicator.domain.IndicatorSource;
import org.urbancooperation.partnership.indicator.domain.ManualValue;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.Caller;

/**
 * The indicator use cases. Operators define indicators and set their targets; operators and staff of the
 * partnership's member organisations enter the values of MANUAL ones; whoever may read the partnership reads them,
 * each with its actual value and its progress towards the target.
 */
public class IndicatorService {

    /**
     * An indicator as read: its actual value (AUTOMATIC: the things counting now; MANUAL: the latest value entered,
     * none before the first) and progress = actual / target.
     */
    public record IndicatorView(Indicator indicator, long version, Optional<BigDecimal> actual,
            Optional<BigDecimal> progress) {
    }

    public record DefineInput(String code, Map<String, String> name, String unit, String source, String measure,
            BigDecimal baseline, BigDecimal target, LocalDate targetDate) {
    }

    private final IndicatorRepository indicators;
    private final CountedThings countedThings;
    private final PartnershipDirectory partnerships;
    private final Clock clock;

    public IndicatorService(IndicatorRepository indicators, CountedThings countedThings,
            PartnershipDirectory partnerships, Clock clock) {
        this.indicators = indicators;
        this.countedThings = countedThings;
        this.partnerships = partnerships;
        this.clock = clock;
    }

    public IndicatorView define(Caller caller, UUID partnershipId, DefineInput input) {
        Access.requireRole(caller, Role.OPERATOR);
        partnership(partnershipId);
        ResultWithEvents<Indicator, IndicatorEvent> defined = Indicator.define(partnershipId, input.code(),
                input.name(), input.unit(), input.source(), input.measure(), input.baseline(), input.target(),
                input.targetDate());
        return view(indicators.insert(defined));
    }

    public IndicatorView setTarget(Caller caller, UUID partnershipId, String code, BigDecimal baseline,
            BigDecimal target, LocalDate targetDate, ExpectedVersion expected) {
        Access.requireRole(caller, Role.OPERATOR);
        Versioned<Indicator> current = indicator(partnershipId, code);
        expected.check(resource(partnershipId, code), current.version());
        return view(indicators.update(current.aggregate().setTarget(baseline, target, targetDate), current.version(),
                expected));
    }

    /** Operators, and staff of the partnership's member organisations (403 for other partners and businesses). */
    public IndicatorView enterValue(Caller caller, UUID partnershipId, String code, BigDecimal value,
            LocalDate measuredOn, String source, ExpectedVersion expected) {
        Access.requireAuthenticated(caller);
        PartnershipFacts partnership = partnership(partnershipId);
        Access.requireOperatorOrMemberOf(caller, partnership.partnerOrganisations(), "Partnership " + partnershipId);
        Versioned<Indicator> current = indicator(partnershipId, code);
        expected.check(resource(partnershipId, code), current.version());
        String enteredBy = caller.isOperator() ? Role.OPERATOR.wireName() : caller.organisationId().orElseThrow();
        return view(indicators.update(current.aggregate().enterValue(value, measuredOn, source, enteredBy,
                clock.instant()), current.version(), expected));
    }

    public IndicatorView get(Caller caller, UUID partnershipId, String code) {
        requireReadable(caller, partnershipId);
        return view(indicator(partnershipId, code));
    }

    public Page<IndicatorView> page(Caller caller, UUID partnershipId, PageRequest request) {
        requireReadable(caller, partnershipId);
        return indicators.page(partnershipId, request).map(this::view);
    }

    /**
     * Progress per indicator code across all partnerships: the sum of the actuals over the sum of the targets of
     * every indicator with that code (an indicator without any value yet adds 0 to the actuals). Weighted by the
     * targets, so a partnership with a large target weighs as much as its share of the programme's goal.
     */
    public Map<String, Double> progressByCode() {
        Map<CountedThings.Key, Long> counts = countedThings.countAll();
        Map<String, BigDecimal> actuals = new HashMap<>();
        Map<String, BigDecimal> targets = new HashMap<>();
        for (Indicator indicator : indicators.all()) {
            BigDecimal actual = actual(indicator, counts).orElse(BigDecimal.ZERO);
            actuals.merge(indicator.code(), actual, BigDecimal::add);
            targets.merge(indicator.code(), indicator.target(), BigDecimal::add);
        }
        Map<String, Double> progress = new TreeMap<>();
        targets.forEach((code, target) -> progress.put(code,
                actuals.get(code).divide(target, 6, RoundingMode.HALF_EVEN).doubleValue()));
        return progress;
    }

    private IndicatorView view(Versioned<Indicator> stored) {
        Indicator indicator = stored.aggregate();
        Optional<BigDecimal> actual = indicator.source() == IndicatorSource.AUTOMATIC
                ? Optional.of(BigDecimal.valueOf(countedThings.count(indicator.partnershipId(), indicator.measure())))
                : indicator.latestManualValue().map(ManualValue::value);
        return new IndicatorView(indicator, stored.version(), actual, actual.map(indicator::progress));
    }

    private static Optional<BigDecimal> actual(Indicator indicator, Map<CountedThings.Key, Long> counts) {
        if (indicator.source() == IndicatorSource.AUTOMATIC) {
            return Optional.of(BigDecimal.valueOf(counts.getOrDefault(
                    new CountedThings.Key(indicator.partnershipId(), indicator.measure()), 0L)));
        }
        return indicator.latestManualValue().map(ManualValue::value);
    }

    private void requireReadable(Caller caller, UUID partnershipId) {
        PartnershipReadAccess.requireReadable(caller, partnershipId, partnership(partnershipId));
    }

    private PartnershipFacts partnership(UUID partnershipId) {
        return partnerships.find(partnershipId).orElseThrow(() -> new NotFoundException("Partnership", partnershipId));
    }

    private Versioned<Indicator> indicator(UUID partnershipId, String code) {
        return indicators.find(partnershipId, code)
                .orElseThrow(() -> new NotFoundException("Indicator", resource(partnershipId, code)));
    }

    private static String resource(UUID partnershipId, String code) {
        return partnershipId + "/" + code;
    }
}
