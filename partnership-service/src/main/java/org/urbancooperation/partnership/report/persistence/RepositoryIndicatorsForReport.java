package org.urbancooperation.partnership.report.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.partnership.indicator.application.CountedThings;
import org.urbancooperation.partnership.indicator.application.IndicatorRepository;
import org.urbancooperation.partnership.indicator.domain.Indicator;
import org.urbancooperation.partnership.indicator.domain.IndicatorSource;
import org.urbancooperation.partnership.indicator.domain.ManualValue;
import org.urbancooperation.partnership.report.application.IndicatorsForReport;
import org.urbancooperation.partnership.report.domain.ReportedIndicator;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/**
 * A partnership's indicators for the report, through the indicator feature's repositories, with the actual as the
 * indicator feature reads it: AUTOMATIC ones the things counting now, MANUAL ones the value measured last.
 */
public class RepositoryIndicatorsForReport implements IndicatorsForReport {

    private final IndicatorRepository indicators;
    private final CountedThings countedThings;

    public RepositoryIndicatorsForReport(IndicatorRepository indicators, CountedThings countedThings) {
        this.indicators = indicators;
        this.countedThings = countedThings;
    }

    @Override
    public List<ReportedIndicator> ofPartnership(UUID partnershipId) {
        List<ReportedIndicator> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Versioned<Indicator>> page = indicators.page(partnershipId, request);
            page.items().forEach(v -> all.add(reported(v.aggregate())));
            if (page.next() == null) {
                return all;
            }
            request = PageRequest.of(page.next(), PageRequest.MAX_LIMIT);
        }
    }

    private ReportedIndicator reported(Indicator i) {
        BigDecimal actual = i.source() == IndicatorSource.AUTOMATIC
                ? BigDecimal.valueOf(countedThings.count(i.partnershipId(), i.measure()))
                : i.latestManualValue().map(ManualValue::value).orElse(null);
        return new ReportedIndicator(i.code(), i.name().values(), i.unit(), i.source().name(),
                i.measure() == null ? null : i.measure().name(), i.baseline(), i.target(), i.targetDate(), actual,
                actual == null ? null : i.progress(actual));
    }
}
