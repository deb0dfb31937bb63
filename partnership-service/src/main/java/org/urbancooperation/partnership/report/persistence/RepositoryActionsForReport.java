package org.urbancooperation.partnership.report.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.urbancooperation.partnership.actionplan.application.ActionRepository;
import org.urbancooperation.partnership.actionplan.application.FocalPointRepository;
import org.urbancooperation.partnership.actionplan.domain.Action;
import org.urbancooperation.partnership.actionplan.domain.ActionFormat;
import org.urbancooperation.partnership.actionplan.domain.ActionStatus;
import org.urbancooperation.partnership.actionplan.domain.HistoryEntry;
import org.urbancooperation.partnership.report.application.ActionsForReport;
import org.urbancooperation.partnership.report.domain.ReportedAction;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/**
 * A partnership's action plan for the report, through the action-plan feature's repositories. Who made each change
 * (the history's subjects) is not reported.
 */
public class RepositoryActionsForReport implements ActionsForReport {

    private final ActionRepository actions;
    private final FocalPointRepository focalPoints;

    public RepositoryActionsForReport(ActionRepository actions, FocalPointRepository focalPoints) {
        this.actions = actions;
        this.focalPoints = focalPoints;
    }

    @Override
    public List<String> statuses() {
        return Arrays.stream(ActionStatus.values()).map(Enum::name).toList();
    }

    @Override
    public List<ReportedAction> ofPartnership(UUID partnershipId) {
        Map<UUID, Integer> numbers = new HashMap<>();
        focalPoints.ofPartnership(partnershipId).forEach(v -> numbers.put(v.aggregate().id(), v.aggregate().number()));
        return all(partnershipId).stream().map(a -> reported(a, numbers.get(a.focalPointId()))).toList();
    }

    @Override
    public Map<String, Long> countByStatus(UUID partnershipId) {
        Map<String, Long> counts = new HashMap<>();
        all(partnershipId).forEach(a -> counts.merge(a.status().name(), 1L, Long::sum));
        return counts;
    }

    private List<Action> all(UUID partnershipId) {
        List<Action> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Versioned<Action>> page = actions.page(partnershipId, null, null, request);
            page.items().forEach(v -> all.add(v.aggregate()));
            if (page.next() == null) {
                return all;
            }
            request = PageRequest.of(page.next(), PageRequest.MAX_LIMIT);
        }
    }

    private static ReportedAction reported(Action a, Integer focalPoint) {
        HistoryEntry lastStatus = null;
        HistoryEntry online = null;
        for (HistoryEntry entry : a.history()) {
            if (entry.kind() == HistoryEntry.Kind.STATUS || entry.kind() == HistoryEntry.Kind.PLANNED) {
                lastStatus = entry;
            }
            if (entry.kind() == HistoryEntry.Kind.FORMAT && ActionFormat.ONLINE.name().equals(entry.to())) {
                online = entry;
            }
        }
        // Moved online and still online: a later move back to in person is no longer "moved online".
        ReportedAction.FormatChange movedOnline = online != null && a.format() == ActionFormat.ONLINE
                ? new ReportedAction.FormatChange(online.from(), online.reason(), online.at()) : null;
        return new ReportedAction(a.id(), focalPoint, a.title().values(), a.theme(), a.status().name(),
                a.window() == null ? null : a.window().from().text(),
                a.window() == null || a.window().to() == null ? null : a.window().to().text(),
                a.format() == null ? null : a.format().name(), a.statusReason(),
                lastStatus == null ? null : lastStatus.at(), movedOnline);
    }
}
