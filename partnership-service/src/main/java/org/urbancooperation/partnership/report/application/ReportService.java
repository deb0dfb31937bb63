package org.urbancooperation.partnership.report.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.partnership.report.domain.PartnershipReport;
import org.urbancooperation.partnership.report.domain.ProgrammeReport;
import org.urbancooperation.partnership.report.domain.ReportedPartnership;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.Caller;

/**
 * The results reports.
 * <ul>
 * <li>A partnership's report: whoever may read the partnership reads it, as the partnership feature decides who
 * does: operators and partner staff every partnership; businesses and anonymous callers ACTIVE ones only (404
 * otherwise, as if it did not exist). It never holds contacts, whoever reads it: it is a document to pass on.</li>
 * <li>A programme's report: operators only (the programme secretariat).</li>
 * </ul>
 */
public class ReportService {

    private final PartnershipsForReport partnerships;
    private final ProgrammesForReport programmes;
    private final ActionsForReport actions;
    private final IndicatorsForReport indicators;
    private final CooperationEventCalendar calendar;
    private final Clock clock;

    public ReportService(PartnershipsForReport partnerships, ProgrammesForReport programmes, ActionsForReport actions,
            IndicatorsForReport indicators, CooperationEventCalendar calendar, Clock clock) {
        this.partnerships = partnerships;
        this.programmes = programmes;
        this.actions = actions;
        this.indicators = indicators;
        this.calendar = calendar;
        this.clock = clock;
    }

    public PartnershipReport partnershipReport(Caller caller, UUID partnershipId) {
        ReportedPartnership partnership = partnerships.find(partnershipId)
                .filter(p -> mayRead(caller, p))
                .orElseThrow(() -> new NotFoundException("Partnership", partnershipId));
        return PartnershipReport.of(partnership, actions.statuses(), actions.ofPartnership(partnershipId),
                indicators.ofPartnership(partnershipId), calendar.ofPartnership(partnershipId), clock.instant());
    }

    public ProgrammeReport programmeReport(Caller caller, String programmeId) {
        Access.requireRole(caller, Role.OPERATOR);
        Map<String, String> names = programmes.names(programmeId)
                .orElseThrow(() -> new NotFoundException("Programme", programmeId));
        List<ProgrammeReport.Part> parts = partnerships.ofProgramme(programmeId).stream()
                .map(p -> new ProgrammeReport.Part(p, actions.countByStatus(p.id()), indicators.ofPartnership(p.id())))
                .toList();
        return ProgrammeReport.of(programmeId, names, actions.statuses(), parts, clock.instant());
    }

    /** The partnership feature's read rule (PartnershipService): kept the same, so the report is never more open. */
    private static boolean mayRead(Caller caller, ReportedPartnership partnership) {
        return caller.isOperator() || caller.is(Role.PARTNER) || partnership.isActive();
    }
}
