package org.urbancooperation.partnership.report.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results report of one partnership: the partnership, its actions by status (the postponed ones with why and
 * their new window, the cancelled ones with why, those moved online), its indicators against target, its agreements
 * and its upcoming and past cooperation events. A snapshot at {@code generatedAt}.
 *
 * @param actionsByStatus every status of the action plan, in lifecycle order, with how many actions have it (0 too)
 * @param actions all actions, by focal point and then by planned start
 * @param upcomingEvents scheduled, starting after {@code generatedAt}, soonest first
 * @param pastEvents held or started by {@code generatedAt} and not cancelled, latest first
 * @param cancelledEvents cancelled ones, by start
 */
public record PartnershipReport(
        ReportedPartnership partnership,
        Map<String, Long> actionsByStatus,
        List<ReportedAction> actions,
        List<ReportedIndicator> indicators,
        List<CooperationEventEntry> upcomingEvents,
        List<CooperationEventEntry> pastEvents,
        List<CooperationEventEntry> cancelledEvents,
        Instant generatedAt) {

    public static final String POSTPONED = "POSTPONED";
    public static final String CANCELLED = "CANCELLED";

    private static final Comparator<Instant> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<ReportedAction> PLAN_ORDER = Comparator
            .comparing(ReportedAction::focalPoint, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ReportedAction::plannedFrom, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(a -> a.id().toString());

    public PartnershipReport {
        actionsByStatus = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(actionsByStatus));
        actions = List.copyOf(actions);
        indicators = List.copyOf(indicators);
        upcomingEvents = List.copyOf(upcomingEvents);
        pastEvents = List.copyOf(pastEvents);
        cancelledEvents = List.copyOf(cancelledEvents);
    }

    /**
     * @param statuses the action plan's statuses in lifecycle order, so that each has a count, 0 included
     * @param events the cooperation events that name the partnership, in any order
     */
    public static PartnershipReport of(ReportedPartnership partnership, List<String> statuses,
            List<ReportedAction> actions, List<ReportedIndicator> indicators, List<CooperationEventEntry> events,
            Instant now) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        statuses.forEach(status -> byStatus.put(status, 0L));
        actions.forEach(action -> byStatus.merge(action.status(), 1L, Long::sum));
        List<ReportedAction> ordered = actions.stream().sorted(PLAN_ORDER).toList();
        List<ReportedIndicator> byCode = indicators.stream().sorted(Comparator.comparing(ReportedIndicator::code))
                .toList();
        Comparator<CooperationEventEntry> byStart = Comparator.comparing(CooperationEventEntry::startsAt, NULLS_LAST)
                .thenComparing(e -> e.cooperationEventId().toString());
        List<CooperationEventEntry> upcoming = events.stream().filter(e -> e.isUpcoming(now)).sorted(byStart).toList();
        List<CooperationEventEntry> past = events.stream().filter(e -> e.isPast(now)).sorted(byStart.reversed())
                .toList();
        List<CooperationEventEntry> cancelled = events.stream()
                .filter(e -> e.state() == CooperationEventEntry.State.CANCELLED).sorted(byStart).toList();
        return new PartnershipReport(partnership, byStatus, ordered, byCode, upcoming, past, cancelled, now);
    }

    public List<ReportedAction> postponed() {
        return actions.stream().filter(a -> POSTPONED.equals(a.status())).toList();
    }

    public List<ReportedAction> cancelled() {
        return actions.stream().filter(a -> CANCELLED.equals(a.status())).toList();
    }

    public List<ReportedAction> movedOnline() {
        return actions.stream().filter(a -> a.movedOnline() != null).toList();
    }
}
