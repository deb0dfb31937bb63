package org.urbancooperation.partnership.indicator.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A value of a MANUAL indicator as someone entered it: what was measured on which date, where the number comes
 * from (a report, a survey), who entered it and when. Kept as history; the latest by {@code measuredOn} is the actual.
 *
 * @param enteredBy the caller's organisation, or {@code operator}
 */
public record ManualValue(BigDecimal value, LocalDate measuredOn, String source, String enteredBy, Instant enteredAt) {
}
