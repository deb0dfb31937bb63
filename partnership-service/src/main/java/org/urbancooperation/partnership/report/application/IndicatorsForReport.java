package org.urbancooperation.partnership.report.application;

import java.util.List;
import java.util.UUID;

import org.urbancooperation.partnership.report.domain.ReportedIndicator;

/** A partnership's indicators with their actuals, read from the indicator feature. */
public interface IndicatorsForReport {

    List<ReportedIndicator> ofPartnership(UUID partnershipId);
}
