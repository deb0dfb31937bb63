package org.urbancooperation.partnership.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.urbancooperation.partnership.report.domain.ReportFixtures.STATUSES;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.urbancooperation.partnership.report.domain.CooperationEventEntry;
import org.urbancooperation.partnership.report.domain.PartnershipReport;
import org.urbancooperation.partnership.report.domain.ProgrammeReport;
import org.urbancooperation.partnership.report.domain.ReportFixtures;
import org.urbancooperation.partnership.report.domain.ReportedAction;

/** The CSV table read back with Commons CSV: every row, every awkward character where it was. */
class ReportCsvTest {

    /** Commas, quotes, a line break (CRLF and LF), Japanese text. */
    static final String AWKWARD = "Joint seminar, \"REIF Fukushima\"\r\nin Koriyama\nエッセン・郡山";

    static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(ReportCsv.COLUMNS);
            return parser.getRecords();
        }
    }

    @Test
    void everyRowReadsBackWithItsTextUnchanged() throws IOException {
        ReportedAction awkward = ReportFixtures.action(AWKWARD, "CANCELLED", "2020-10-28", "2020-10-29",
                "Reason with, commas and \"quotes\"", null);
        ReportedAction online = ReportFixtures.action("Student exchange programme", "PLANNED", "2020-04", "2021-03",
                null, new ReportedAction.FormatChange("IN_PERSON", "online exchange programme on SDGs, energy "
                        + "transition, Green Deal, etc.", Instant.parse("2020-05-01T00:00:00Z")));
        CooperationEventEntry event = ReportFixtures.event(AWKWARD, "2023-01-25T08:00:00Z",
                CooperationEventEntry.State.HELD, null);
        PartnershipReport report = PartnershipReport.of(
                ReportFixtures.essenKoriyama("Essen - Koriyama: Maximizing Urban Cooperation, \"for the Future\"",
                        "ACTIVE"),
                STATUSES, List.of(awkward, online), List.of(ReportFixtures.indicator("IURC-EV-1", "1", "4")),
                List.of(event), Instant.parse("2023-01-26T00:00:00Z"));

        String csv = ReportCsv.partnership(report);
        List<CSVRecord> rows = parse(csv);

        assertThat(csv).startsWith(String.join(",", ReportCsv.COLUMNS) + "\r\n");
        assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(ReportCsv.COLUMNS.size()));
        // report, partnership, 2 names, programme, network, 2 cities, 3 members (the city government without a
        // theme), 5 status counts, 2 actions, 1 moved online, 1 indicator, 1 agreement, 1 signatory, 1 event
        assertThat(rows).hasSize(1 + 1 + 2 + 1 + 1 + 2 + 3 + 5 + 2 + 1 + 1 + 1 + 1 + 1);
        CSVRecord partnership = only(rows, "partnership");
        assertThat(partnership.get("name")).isEqualTo("Essen - Koriyama: Maximizing Urban Cooperation, \"for the Future\"");
        assertThat(partnership.get("status")).isEqualTo("ACTIVE");
        assertThat(partnership.get("from")).isEqualTo("2019-08-27");
        assertThat(rows.stream().filter(r -> r.get("section").equals("partnership-name") && r.get("item").equals("ja"))
                .findFirst().orElseThrow().get("name")).isEqualTo("エッセン・郡山：未来に向けた都市間協力の最大化");
        CSVRecord action = rows.stream().filter(r -> r.get("section").equals("action")
                && r.get("status").equals("CANCELLED")).findFirst().orElseThrow();
        assertThat(action.get("name")).isEqualTo(AWKWARD);
        assertThat(action.get("detail")).isEqualTo("Reason with, commas and \"quotes\"");
        assertThat(action.get("from")).isEqualTo("2020-10-28");
        assertThat(action.get("to")).isEqualTo("2020-10-29");
        assertThat(only(rows, "action-moved-online").get("detail")).contains("SDGs, energy transition");
        CSVRecord indicator = only(rows, "indicator");
        assertThat(indicator.get("item")).isEqualTo("IURC-EV-1");
        assertThat(indicator.get("value")).isEqualTo("1");
        assertThat(indicator.get("target")).isEqualTo("4");
        assertThat(indicator.get("progress")).isEqualTo("0.2500");
        assertThat(indicator.get("to")).isEqualTo("2021-12-31");
        CSVRecord held = only(rows, "event");
        assertThat(held.get("name")).isEqualTo(AWKWARD);
        assertThat(held.get("status")).isEqualTo("PAST");
        assertThat(held.get("from")).isEqualTo("2023-01-25T08:00:00Z");
        assertThat(only(rows, "agreement").get("detail")).isEqualTo("Koriyama");
        assertThat(only(rows, "signatory").get("status")).isEqualTo("city-of-essen");
        assertThat(rows.stream().filter(r -> r.get("section").equals("action-count")).map(r -> r.get("item")))
                .containsExactlyElementsOf(STATUSES);
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsQuoted() throws IOException {
        List<String> formulas = List.of("=HYPERLINK(\"https://example.org\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A2)",
                "\tcmd", "\r=1+1");
        List<ReportedAction> actions = formulas.stream().map(title -> ReportFixtures.action(title, "CANCELLED",
                "2020-10-28", null, title, null)).toList();
        PartnershipReport report = PartnershipReport.of(ReportFixtures.essenKoriyama("=1+1", "ACTIVE"), STATUSES,
                actions, List.of(ReportFixtures.indicator("IURC-EV-1", "1", "4")), List.of(),
                Instant.parse("2023-01-26T00:00:00Z"));

        List<CSVRecord> rows = parse(ReportCsv.partnership(report));

        assertThat(only(rows, "partnership").get("name")).isEqualTo("'=1+1");
        List<CSVRecord> cancelled = rows.stream().filter(r -> r.get("section").equals("action")).toList();
        assertThat(cancelled).extracting(r -> r.get("name")).containsExactlyInAnyOrderElementsOf(
                formulas.stream().map(f -> "'" + f).toList());
        assertThat(cancelled).extracting(r -> r.get("detail")).containsExactlyInAnyOrderElementsOf(
                formulas.stream().map(f -> "'" + f).toList());
        // Text that only contains such a character, and numbers, stay as they are.
        assertThat(ReportCsv.neutralised("Essen - Koriyama")).isEqualTo("Essen - Koriyama");
        assertThat(ReportCsv.neutralised("")).isEmpty();
        assertThat(only(rows, "indicator").get("value")).isEqualTo("1");
    }

    @Test
    void theProgrammeTableHasARowPerPartnershipCountIndicatorAndTotal() throws IOException {
        ProgrammeReport report = ProgrammeReport.of("iurc", Map.of("en", "International Urban and Regional Cooperation"),
                STATUSES, List.of(new ProgrammeReport.Part(ReportFixtures.essenKoriyama("Essen, Koriyama", "ACTIVE"),
                        Map.of("POSTPONED", 2L), List.of(ReportFixtures.indicator("IURC-EV-1", "1", "4")))),
                Instant.parse("2023-01-26T00:00:00Z"));

        List<CSVRecord> rows = parse(ReportCsv.programme(report));

        // report, programme, partnership, 5 counts, 1 indicator, 1 partnership total, 5 action totals, 1 code total
        assertThat(rows).hasSize(1 + 1 + 1 + 5 + 1 + 1 + 5 + 1);
        assertThat(only(rows, "partnership").get("name")).isEqualTo("Essen, Koriyama");
        assertThat(only(rows, "indicator").get("detail")).isEqualTo(ReportFixtures.ESSEN_KORIYAMA.toString());
        CSVRecord total = only(rows, "total-indicator");
        assertThat(total.get("value")).isEqualTo("1");
        assertThat(total.get("target")).isEqualTo("4");
        assertThat(total.get("progress")).isEqualTo("0.2500");
        assertThat(rows.stream().filter(r -> r.get("section").equals("total-actions") && r.get("item")
                .equals("POSTPONED")).findFirst().orElseThrow().get("value")).isEqualTo("2");
        assertThat(UUID.fromString(only(rows, "partnership").get("item"))).isEqualTo(ReportFixtures.ESSEN_KORIYAMA);
    }

    @Test
    void csvIsPreferredOnlyWhenAcceptSaysSo() {
        assertThat(ReportController.wantsCsv(null)).isFalse();
        assertThat(ReportController.wantsCsv("*/*")).isFalse();
        assertThat(ReportController.wantsCsv("application/json")).isFalse();
        assertThat(ReportController.wantsCsv("text/csv")).isTrue();
        assertThat(ReportController.wantsCsv("text/*")).isTrue();
        assertThat(ReportController.wantsCsv("*/*, text/csv")).isTrue();
        assertThat(ReportController.wantsCsv("text/csv;q=0.5, application/json")).isFalse();
        assertThat(ReportController.wantsCsv("application/json;q=0.4, text/csv;q=0.9")).isTrue();
        assertThat(ReportController.wantsCsv("text/csv;q=0, */*")).isFalse();
    }

    private static CSVRecord only(List<CSVRecord> rows, String section) {
        List<CSVRecord> found = rows.stream().filter(r -> r.get("section").equals(section)).toList();
        assertThat(found).as(section).hasSize(1);
        return found.get(0);
    }
}
