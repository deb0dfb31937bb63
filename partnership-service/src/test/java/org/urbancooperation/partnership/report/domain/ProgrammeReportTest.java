package org.urbancooperation.partnership.report.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.urbancooperation.partnership.report.domain.ReportFixtures.STATUSES;
import static org.urbancooperation.partnership.report.domain.ReportFixtures.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProgrammeReportTest {

    @Test
    void totalsSumPartnershipsActionsAndIndicatorsPerCode() {
        ReportedPartnership active = ReportFixtures.essenKoriyama("Essen - Koriyama", "ACTIVE");
        ReportedPartnership proposed = new ReportedPartnership(java.util.UUID.randomUUID(), "Second", Map.of("en",
                "Second"), null, "PROPOSED", active.establishedOn(), active.programme(), List.of(), active.cities(),
                List.of(), List.of(), List.of(), List.of());

        ProgrammeReport report = ProgrammeReport.of("iurc", Map.of("en", "International Urban and Regional Cooperation"),
                STATUSES, List.of(
                        new ProgrammeReport.Part(active, Map.of("POSTPONED", 2L, "COMPLETED", 5L),
                                List.of(indicator("IURC-EV-1", "1", "4"))),
                        new ProgrammeReport.Part(proposed, Map.of("PLANNED", 1L),
                                List.of(indicator("IURC-EV-1", null, "4")))),
                Instant.parse("2023-01-26T00:00:00Z"));

        assertThat(report.partnerships()).hasSize(2);
        assertThat(report.partnerships().get(0).actionsByStatus()).containsOnlyKeys(STATUSES);
        assertThat(report.totals().partnershipsByStatus()).containsExactly(Map.entry("ACTIVE", 1L),
                Map.entry("PROPOSED", 1L));
        assertThat(report.totals().actionsByStatus()).containsExactly(Map.entry("PLANNED", 1L),
                Map.entry("UNDERWAY", 0L), Map.entry("POSTPONED", 2L), Map.entry("COMPLETED", 5L),
                Map.entry("CANCELLED", 0L));
        ProgrammeReport.CodeTotal events = report.totals().indicatorsByCode().get(0);
        assertThat(events.code()).isEqualTo("IURC-EV-1");
        assertThat(events.partnerships()).isEqualTo(2);
        assertThat(events.actual()).isEqualByComparingTo("1");
        assertThat(events.target()).isEqualByComparingTo("8");
        assertThat(events.progress()).isEqualTo(new BigDecimal("0.1250"));
        assertThat(events.unit()).isEqualTo("events");
    }
}
