package org.urbancooperation.partnership.report.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.urbancooperation.partnership.report.domain.CooperationEventEntry;
import org.urbancooperation.partnership.report.domain.PartnershipReport;
import org.urbancooperation.partnership.report.domain.ProgrammeReport;
import org.urbancooperation.partnership.report.domain.ReportedAction;
import org.urbancooperation.partnership.report.domain.ReportedIndicator;
import org.urbancooperation.partnership.report.domain.ReportedPartnership;

/**
 * The reports as one CSV table a spreadsheet reads: a header row, then one row per fact, its kind in
 * {@code section} (RFC 4180: comma-separated, fields with commas, quotes or line breaks quoted, quotes doubled, CRLF
 * between records; the caller encodes the text as UTF-8). Written by Apache Commons CSV, never by concatenation. The
 * columns (documented per section in partnership-service's README):
 * <ul>
 * <li>{@code section}: what the row is, e.g. {@code action}, {@code indicator}, {@code event}</li>
 * <li>{@code item}: its id or code; {@code name}: its English name or title</li>
 * <li>{@code status}: its status, kind or state; {@code theme}: its theme</li>
 * <li>{@code from}, {@code to}: its dates or window ({@code 2021-04} for a month), or instants for events</li>
 * <li>{@code value}: a count or an indicator's actual; {@code baseline}, {@code target}, {@code unit},
 * {@code progress}: an indicator's</li>
 * <li>{@code detail}: a reason, place, format or reference, as the section says</li>
 * </ul>
 * A text cell that starts with {@code = + - @}, a tab or a carriage return gets a single quote in front (OWASP's
 * advice against CSV formula injection): names, titles and reasons are what partners typed, and a spreadsheet would
 * run such a cell as a formula. Numbers, dates and enum values are written as they are.
 */
final class ReportCsv {

    static final List<String> COLUMNS = List.of("section", "item", "name", "status", "theme", "from", "to", "value",
            "baseline", "target", "unit", "progress", "detail");

    /** What a spreadsheet takes as the start of a formula (OWASP CSV injection). */
    private static final String FORMULA_START = "=+-@\t\r";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(COLUMNS.toArray(String[]::new))
            .get();

    private ReportCsv() {
    }

    /** One row: the columns by name; absent ones are empty. */
    private static final class Row {

        private final Object[] values = new Object[COLUMNS.size()];

        Row(String section, Object item) {
            set("section", section);
            set("item", item);
        }

        Row set(String column, Object value) {
            int index = COLUMNS.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column);
            }
            values[index] = value instanceof BigDecimal number ? number.toPlainString()
                    : value instanceof CharSequence text ? neutralised(text.toString()) : value;
            return this;
        }

        List<Object> values() {
            return Arrays.asList(values);
        }
    }

    /** The text as a spreadsheet shows it without evaluating it: a leading formula character is quoted. */
    static String neutralised(String text) {
        if (!text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    static String partnership(PartnershipReport report) {
        List<Row> rows = new ArrayList<>();
        ReportedPartnership p = report.partnership();
        rows.add(new Row("report", "generatedAt").set("from", report.generatedAt()));
        rows.add(new Row("partnership", p.id()).set("name", p.name()).set("status", p.status())
                .set("from", p.establishedOn()).set("detail", p.kind()));
        p.names().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> rows.add(new Row("partnership-name", e.getKey()).set("name", e.getValue())));
        if (p.programme() != null) {
            rows.add(new Row("programme", p.programme().id())
                    .set("name", p.programme().names() == null ? null : p.programme().names().get("en")));
        }
        p.networks().forEach(n -> rows.add(new Row("network", n)));
        p.cities().forEach(c -> rows.add(new Row("city", c.cityId()).set("name", c.name())
                .set("detail", c.countryCode())));
        for (ReportedPartnership.Member m : p.members()) {
            if (m.themes().isEmpty()) {
                rows.add(new Row("member", m.organisationId()).set("name", m.name()).set("detail", m.cityId()));
            }
            m.themes().forEach(theme -> rows.add(new Row("member", m.organisationId()).set("name", m.name())
                    .set("theme", theme).set("detail", m.cityId())));
        }
        report.actionsByStatus().forEach((status, count) -> rows.add(new Row("action-count", status)
                .set("status", status).set("value", count)));
        for (ReportedAction a : report.actions()) {
            rows.add(new Row("action", a.id()).set("name", a.englishTitle()).set("status", a.status())
                    .set("theme", a.theme()).set("from", a.plannedFrom()).set("to", a.plannedTo())
                    .set("detail", a.statusReason()));
        }
        for (ReportedAction a : report.movedOnline()) {
            rows.add(new Row("action-moved-online", a.id()).set("name", a.englishTitle()).set("status", a.format())
                    .set("theme", a.theme()).set("from", a.movedOnline().at())
                    .set("detail", a.movedOnline().reason()));
        }
        report.indicators().forEach(i -> rows.add(indicator(i).set("detail", i.measure())));
        for (ReportedPartnership.Agreement a : p.agreements()) {
            rows.add(new Row("agreement", a.id()).set("name", a.title()).set("status", a.kind())
                    .set("from", a.signedOn()).set("detail", a.signedAt()));
            a.signatories().forEach(s -> rows.add(new Row("signatory", a.id()).set("name", s.name())
                    .set("status", s.organisationId()).set("detail", s.title())));
        }
        report.upcomingEvents().forEach(e -> rows.add(event("UPCOMING", e).set("detail", e.format())));
        report.pastEvents().forEach(e -> rows.add(event("PAST", e).set("detail", e.format())));
        report.cancelledEvents().forEach(e -> rows.add(event("CANCELLED", e).set("detail", e.cancellationReason())));
        return print(rows);
    }

    static String programme(ProgrammeReport report) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("report", "generatedAt").set("from", report.generatedAt()));
        rows.add(new Row("programme", report.programmeId()).set("name", report.programmeNames().get("en")));
        for (ProgrammeReport.Row p : report.partnerships()) {
            rows.add(new Row("partnership", p.partnershipId()).set("name", p.name()).set("status", p.status()));
            p.actionsByStatus().forEach((status, count) -> rows.add(new Row("action-count", status)
                    .set("status", status).set("value", count).set("detail", p.partnershipId())));
            p.indicators().forEach(i -> rows.add(indicator(i).set("detail", p.partnershipId())));
        }
        report.totals().partnershipsByStatus().forEach((status, count) -> rows.add(
                new Row("total-partnerships", status).set("status", status).set("value", count)));
        report.totals().actionsByStatus().forEach((status, count) -> rows.add(
                new Row("total-actions", status).set("status", status).set("value", count)));
        report.totals().indicatorsByCode().forEach(t -> rows.add(new Row("total-indicator", t.code())
                .set("value", t.actual()).set("target", t.target()).set("unit", t.unit()).set("progress", t.progress())
                .set("detail", t.partnerships())));
        return print(rows);
    }

    private static Row indicator(ReportedIndicator i) {
        return new Row("indicator", i.code()).set("name", i.englishName()).set("status", i.source())
                .set("to", i.targetDate()).set("value", i.actual()).set("baseline", i.baseline())
                .set("target", i.target()).set("unit", i.unit()).set("progress", i.progress());
    }

    private static Row event(String when, CooperationEventEntry e) {
        return new Row("event", e.cooperationEventId()).set("name", e.title()).set("status", when)
                .set("from", e.startsAt()).set("to", e.endsAt());
    }

    private static String print(List<Row> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (Row row : rows) {
                printer.printRecord(row.values());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
