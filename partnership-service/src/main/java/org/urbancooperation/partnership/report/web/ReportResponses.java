package org.urbancooperation.partnership.report.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.urbancooperation.partnership.report.domain.CooperationEventEntry;
import org.urbancooperation.partnership.report.domain.PartnershipReport;
import org.urbancooperation.partnership.report.domain.ProgrammeReport;
import org.urbancooperation.partnership.report.domain.ReportedAction;
import org.urbancooperation.partnership.report.domain.ReportedIndicator;
import org.urbancooperation.partnership.report.domain.ReportedPartnership;

import io.swagger.v3.oas.annotations.media.Schema;

/** The reports as JSON. No contacts anywhere: the report is for whoever may read the partnership. */
final class ReportResponses {

    private ReportResponses() {
    }

    @Schema(name = "PartnershipReport", description = "A partnership's results report")
    record PartnershipReportResponse(Instant generatedAt, PartnershipPart partnership, ActionsPart actions,
            List<IndicatorLine> indicators, List<AgreementLine> agreements, EventsPart events) {

        static PartnershipReportResponse of(PartnershipReport r) {
            return new PartnershipReportResponse(r.generatedAt(), PartnershipPart.of(r.partnership()),
                    ActionsPart.of(r), r.indicators().stream().map(IndicatorLine::of).toList(),
                    r.partnership().agreements().stream().map(AgreementLine::of).toList(),
                    new EventsPart(eventLines(r.upcomingEvents()), eventLines(r.pastEvents()),
                            eventLines(r.cancelledEvents())));
        }
    }

    record ProgrammeRef(String id, Map<String, String> names) {
    }

    record CityLine(String cityId, String name, String countryCode) {
    }

    record MemberLine(String organisationId, String name, String cityId, List<String> themes) {
    }

    @Schema(description = "The partnership: no focal-point contacts, whoever reads it")
    record PartnershipPart(UUID id, String name, Map<String, String> names, String kind, String status,
            LocalDate establishedOn, ProgrammeRef programme, List<String> networks, List<CityLine> cities,
            List<String> themes, List<MemberLine> members,
            @Schema(description = "per theme of the partnership, the member organisations working on it")
            Map<String, List<String>> membersByTheme) {

        static PartnershipPart of(ReportedPartnership p) {
            Map<String, List<String>> byTheme = new LinkedHashMap<>();
            for (String theme : p.themes()) {
                byTheme.put(theme, p.members().stream().filter(m -> m.themes().contains(theme))
                        .map(ReportedPartnership.Member::organisationId).toList());
            }
            return new PartnershipPart(p.id(), p.name(), p.names(), p.kind(), p.status(), p.establishedOn(),
                    p.programme() == null ? null : new ProgrammeRef(p.programme().id(), p.programme().names()),
                    p.networks(), p.cities().stream().map(c -> new CityLine(c.cityId(), c.name(), c.countryCode()))
                            .toList(),
                    p.themes(), p.members().stream()
                            .map(m -> new MemberLine(m.organisationId(), m.name(), m.cityId(), m.themes())).toList(),
                    byTheme);
        }
    }

    record ActionLine(UUID id, Integer focalPoint, Map<String, String> title, String theme, String status,
            String plannedFrom, String plannedTo, String format, String statusReason, Instant statusSince) {

        static ActionLine of(ReportedAction a) {
            return new ActionLine(a.id(), a.focalPoint(), a.title(), a.theme(), a.status(), a.plannedFrom(),
                    a.plannedTo(), a.format(), a.statusReason(), a.statusSince());
        }
    }

    @Schema(description = "A postponed action: why, and its new window (the old one when none was given)")
    record PostponedLine(UUID id, Map<String, String> title, String reason, String plannedFrom, String plannedTo,
            Instant since) {
    }

    record CancelledLine(UUID id, Map<String, String> title, String reason, Instant since) {
    }

    record MovedOnlineLine(UUID id, Map<String, String> title, String from, String reason, Instant at) {
    }

    record ActionsPart(long total,
            @Schema(description = "every status in lifecycle order with its count, 0 included")
            Map<String, Long> byStatus, List<ActionLine> items, List<PostponedLine> postponed,
            List<CancelledLine> cancelled, List<MovedOnlineLine> movedOnline) {

        static ActionsPart of(PartnershipReport r) {
            return new ActionsPart(r.actions().size(), r.actionsByStatus(),
                    r.actions().stream().map(ActionLine::of).toList(),
                    r.postponed().stream().map(a -> new PostponedLine(a.id(), a.title(), a.statusReason(),
                            a.plannedFrom(), a.plannedTo(), a.statusSince())).toList(),
                    r.cancelled().stream().map(a -> new CancelledLine(a.id(), a.title(), a.statusReason(),
                            a.statusSince())).toList(),
                    r.movedOnline().stream().map(a -> new MovedOnlineLine(a.id(), a.title(), a.movedOnline().from(),
                            a.movedOnline().reason(), a.movedOnline().at())).toList());
        }
    }

    record IndicatorLine(String code, Map<String, String> name, String unit, String source, String measure,
            BigDecimal baseline, BigDecimal target, LocalDate targetDate,
            @Schema(description = "null for a MANUAL indicator without a value yet") BigDecimal actual,
            @Schema(description = "actual / target; null without an actual") BigDecimal progress) {

        static IndicatorLine of(ReportedIndicator i) {
            return new IndicatorLine(i.code(), i.name(), i.unit(), i.source(), i.measure(), i.baseline(), i.target(),
                    i.targetDate(), i.actual(), i.progress());
        }
    }

    record SignatoryLine(String name, String title, String organisationId) {
    }

    record AgreementLine(UUID id, String title, String kind, LocalDate signedOn, String signedAtCityId,
            @Schema(description = "the English name of the city it was signed in") String signedAt,
            List<SignatoryLine> signatories) {

        static AgreementLine of(ReportedPartnership.Agreement a) {
            return new AgreementLine(a.id(), a.title(), a.kind(), a.signedOn(), a.signedAtCityId(), a.signedAt(),
                    a.signatories().stream().map(s -> new SignatoryLine(s.name(), s.title(), s.organisationId()))
                            .toList());
        }
    }

    record EventLine(UUID cooperationEventId, String title, String format, Instant startsAt, Instant endsAt,
            @Schema(allowableValues = {"SCHEDULED", "HELD", "CANCELLED"}) String state,
            @Schema(description = "cancelled ones: why, when told") String cancellationReason) {
    }

    record EventsPart(
            @Schema(description = "scheduled, starting after generatedAt, soonest first") List<EventLine> upcoming,
            @Schema(description = "held or started by generatedAt, not cancelled, latest first") List<EventLine> past,
            List<EventLine> cancelled) {
    }

    private static List<EventLine> eventLines(List<CooperationEventEntry> entries) {
        return entries.stream().map(e -> new EventLine(e.cooperationEventId(), e.title(), e.format(), e.startsAt(),
                e.endsAt(), e.state().name(), e.cancellationReason())).toList();
    }

    @Schema(name = "ProgrammeReport", description = "One report across a programme (operators)")
    record ProgrammeReportResponse(Instant generatedAt, ProgrammeRef programme, List<PartnershipRow> partnerships,
            TotalsPart totals) {

        static ProgrammeReportResponse of(ProgrammeReport r) {
            return new ProgrammeReportResponse(r.generatedAt(), new ProgrammeRef(r.programmeId(), r.programmeNames()),
                    r.partnerships().stream().map(row -> new PartnershipRow(row.partnershipId(), row.name(),
                            row.status(), row.actionsByStatus(), row.indicators().stream().map(IndicatorLine::of)
                                    .toList()))
                            .toList(),
                    new TotalsPart(r.totals().partnershipsByStatus(), r.totals().actionsByStatus(),
                            r.totals().indicatorsByCode().stream().map(t -> new CodeTotalLine(t.code(), t.unit(),
                                    t.partnerships(), t.actual(), t.target(), t.progress())).toList()));
        }
    }

    record PartnershipRow(UUID id, String name, String status, Map<String, Long> actionsByStatus,
            List<IndicatorLine> indicators) {
    }

    record CodeTotalLine(String code,
            @Schema(description = "null when the partnerships use different units") String unit,
            @Schema(description = "how many partnerships have an indicator with this code") int partnerships,
            BigDecimal actual, BigDecimal target, BigDecimal progress) {
    }

    record TotalsPart(Map<String, Long> partnershipsByStatus, Map<String, Long> actionsByStatus,
            List<CodeTotalLine> indicatorsByCode) {
    }
}
