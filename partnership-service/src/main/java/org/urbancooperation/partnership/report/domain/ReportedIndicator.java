package org.urbancooperation.partnership.report.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A programme indicator against its target.
 *
 * @param measure what an AUTOMATIC indicator counts; null for MANUAL ones
 * @param actual null for a MANUAL indicator without a value yet
 * @param progress actual / target; null without an actual
 */
public record ReportedIndicator(
        String code,
        Map<String, String> name,
        String unit,
        String source,
        String measure,
        BigDecimal baseline,
        BigDecimal target,
        LocalDate targetDate,
        BigDecimal actual,
        BigDecimal progress) {

    public ReportedIndicator {
        name = Map.copyOf(name);
    }

    public String englishName() {
        return name.getOrDefault("en", name.values().stream().findFirst().orElse(""));
    }
}
