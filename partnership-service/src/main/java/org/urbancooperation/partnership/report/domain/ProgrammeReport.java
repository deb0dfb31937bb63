package org.urbancooperation.partnership.report.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One report across a programme, for its secretariat: per partnership its status, its actions by status and its
 * indicators against target; and the totals.
 *
 * @param programmeNames by language tag
 * @param partnerships by partnership id
 */
public record ProgrammeReport(
        String programmeId,
        Map<String, String> programmeNames,
        List<Row> partnerships,
        Totals totals,
        Instant generatedAt) {

    /** Progress figures have this many decimals, as the indicators' own. */
    public static final int PROGRESS_SCALE = 4;

    public ProgrammeReport {
        programmeNames = Map.copyOf(programmeNames);
        partnerships = List.copyOf(partnerships);
    }

    /** One partnership of the programme. */
    public record Row(UUID partnershipId, String name, String status, Map<String, Long> actionsByStatus,
            List<ReportedIndicator> indicators) {

        public Row {
            actionsByStatus = Collections.unmodifiableMap(new LinkedHashMap<>(actionsByStatus));
            indicators = List.copyOf(indicators);
        }
    }

    /**
     * The programme's totals.
     *
     * @param partnershipsByStatus how many partnerships are in each status that occurs
     * @param actionsByStatus every action status with how many actions of all partnerships have it
     * @param indicatorsByCode per indicator code, the sums over the partnerships that have it
     */
    public record Totals(Map<String, Long> partnershipsByStatus, Map<String, Long> actionsByStatus,
            List<CodeTotal> indicatorsByCode) {

        public Totals {
            partnershipsByStatus = Collections.unmodifiableMap(new TreeMap<>(partnershipsByStatus));
            actionsByStatus = Collections.unmodifiableMap(new LinkedHashMap<>(actionsByStatus));
            indicatorsByCode = List.copyOf(indicatorsByCode);
        }
    }

    /**
     * @param partnerships how many partnerships have an indicator with this code
     * @param actual the sum of their actuals (one without a value yet adds 0)
     * @param progress actual / target (the sum of their targets)
     */
    public record CodeTotal(String code, String unit, int partnerships, BigDecimal actual, BigDecimal target,
            BigDecimal progress) {
    }

    /** A partnership of the programme with its actions by status and indicators, for {@link #of}. */
    public record Part(ReportedPartnership partnership, Map<String, Long> actionsByStatus,
            List<ReportedIndicator> indicators) {
    }

    /** @param statuses the action plan's statuses in lifecycle order */
    public static ProgrammeReport of(String programmeId, Map<String, String> programmeNames, List<String> statuses,
            List<Part> parts, Instant now) {
        List<Row> rows = parts.stream()
                .sorted(java.util.Comparator.comparing(p -> p.partnership().id().toString()))
                .map(p -> new Row(p.partnership().id(), p.partnership().name(), p.partnership().status(),
                        complete(statuses, p.actionsByStatus()), p.indicators()))
                .toList();
        Map<String, Long> partnershipsByStatus = new TreeMap<>();
        Map<String, Long> actionsByStatus = new LinkedHashMap<>();
        statuses.forEach(status -> actionsByStatus.put(status, 0L));
        Map<String, CodeTotal> byCode = new TreeMap<>();
        for (Row row : rows) {
            partnershipsByStatus.merge(row.status(), 1L, Long::sum);
            row.actionsByStatus().forEach((status, count) -> actionsByStatus.merge(status, count, Long::sum));
            for (ReportedIndicator indicator : row.indicators()) {
                BigDecimal actual = indicator.actual() == null ? BigDecimal.ZERO : indicator.actual();
                byCode.merge(indicator.code(),
                        new CodeTotal(indicator.code(), indicator.unit(), 1, actual, indicator.target(), null),
                        (a, b) -> new CodeTotal(a.code(), java.util.Objects.equals(a.unit(), b.unit()) ? a.unit() : null,
                                a.partnerships() + 1, a.actual().add(b.actual()), a.target().add(b.target()), null));
            }
        }
        List<CodeTotal> codes = byCode.values().stream()
                .map(t -> new CodeTotal(t.code(), t.unit(), t.partnerships(), t.actual(), t.target(),
                        t.target().signum() == 0 ? null
                                : t.actual().divide(t.target(), PROGRESS_SCALE, RoundingMode.HALF_EVEN)))
                .toList();
        return new ProgrammeReport(programmeId, programmeNames, rows,
                new Totals(partnershipsByStatus, actionsByStatus, codes), now);
    }

    /** Every status in lifecycle order with its count, 0 for those without actions. */
    private static Map<String, Long> complete(List<String> statuses, Map<String, Long> counts) {
        Map<String, Long> all = new LinkedHashMap<>();
        statuses.forEach(status -> all.put(status, counts.getOrDefault(status, 0L)));
        counts.forEach(all::putIfAbsent);
        return all;
    }
}
