package org.urbancooperation.partnership.actionplan.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;

/**
 * One action of a partnership's action plan, under one of its focal points: the study tour to Essen on
 * Stadtwerke, the internship between the Faculty of Medicine of Duisburg-Essen University and the Southern Tohoku
 * General Hospital, the FY2020 online student exchange. Immutable; each command returns the new state and its
 * events, and appends what changed to {@link #history()}.
 *
 * <p>Its own aggregate (one document per action), not a part of the partnership or of one "action plan" document:
 * actions change independently, by different partner staff, often at the same time, so each has its own version
 * (ETag) and a change to one never makes another's If-Match stale; the history stays inside the action it
 * describes; and the gauges count actions by status with one query. What it needs from the partnership (which
 * organisations may change it) is read through a port when a command arrives.
 *
 * @param network the programme's thematic network the action works in (slug), if any
 * @param leadOrganisationId the organisation that leads it, where the partners name one
 * @param window the planned window; absent while the seed gives none (the scholars before their postponement)
 * @param format absent while it is not decided
 */
public record Action(
        UUID id,
        UUID partnershipId,
        UUID focalPointId,
        LocalizedText title,
        String theme,
        String network,
        String leadOrganisationId,
        List<String> partnerOrganisationIds,
        PlannedWindow window,
        ActionFormat format,
        ActionStatus status,
        List<HistoryEntry> history) {

    public static final int MAX_TITLE = 300;
    public static final int MAX_REASON = 500;
    public static final int MAX_PARTNERS = 20;

    public Action {
        Require.present("id", id);
        Require.present("partnershipId", partnershipId);
        Require.present("focalPointId", focalPointId);
        Require.present("title", title);
        Require.slugShape("theme", theme);
        if (network != null) {
            Require.slugShape("network", network);
        }
        if (leadOrganisationId != null) {
            Require.slugShape("leadOrganisationId", leadOrganisationId);
        }
        partnerOrganisationIds = List.copyOf(Require.each("partnerOrganisationIds",
                partnerOrganisationIds == null ? List.<String>of() : partnerOrganisationIds, Require::slugShape));
        Require.present("status", status);
        history = List.copyOf(history == null ? List.<HistoryEntry>of() : history);
    }

    /** What a new action is given. Nullable fields are optional. */
    public record Plan(UUID focalPointId, Map<String, String> title, String theme, String network,
            String leadOrganisationId, List<String> partnerOrganisationIds, String plannedFrom, String plannedTo,
            ActionFormat format) {
    }

    /** A change of details (PATCH): a null field stays as it is. */
    public record Edit(UUID focalPointId, Map<String, String> title, String theme, String network,
            String leadOrganisationId, List<String> partnerOrganisationIds, String plannedFrom, String plannedTo) {
    }

    /** Plans a new action, PLANNED. */
    public static ResultWithEvents<Action, ActionEvent> plan(UUID id, UUID partnershipId, Plan plan, Actor by,
            Instant at) {
        Require.present("focalPointId", plan.focalPointId());
        LocalizedText title = LocalizedText.of("title", plan.title(), true, MAX_TITLE);
        String theme = Require.slug("theme", plan.theme(), "renewable-energy");
        String network = plan.network() == null ? null : Require.slug("network", plan.network(), "climate-action");
        String lead = plan.leadOrganisationId() == null ? null
                : Require.slug("leadOrganisationId", plan.leadOrganisationId(), "city-of-koriyama");
        List<String> partners = partners(plan.partnerOrganisationIds() == null ? List.of()
                : plan.partnerOrganisationIds(), lead);
        PlannedWindow window = window(plan.plannedFrom(), plan.plannedTo(), null);
        HistoryEntry planned = new HistoryEntry(HistoryEntry.Kind.PLANNED, null, ActionStatus.PLANNED.name(), null,
                window, List.of(), by, at);
        Action action = new Action(id, partnershipId, plan.focalPointId(), title, theme, network, lead, partners,
                window, plan.format(), ActionStatus.PLANNED, List.of(planned));
        return ResultWithEvents.of(action, new ActionEvent.Planned(action));
    }

    /**
     * Moves the action to {@code next}. POSTPONED and CANCELLED need a reason; POSTPONED and going back to PLANNED
     * or UNDERWAY may give a new window (the scholars "postponed to April 2021 or 2022": the earliest, 2021-04,
     * with the whole sentence as reason); COMPLETED and CANCELLED take none.
     *
     * @throws ActionMoveRefused (409) when the current status does not allow it
     */
    public ResultWithEvents<Action, ActionEvent> moveTo(ActionStatus next, String reason, String plannedFrom,
            String plannedTo, Actor by, Instant at) {
        Require.present("status", next);
        if (!status.mayMoveTo(next)) {
            throw new ActionMoveRefused(status, "moving to " + next);
        }
        boolean reasonRequired = next == ActionStatus.POSTPONED || next == ActionStatus.CANCELLED;
        String checkedReason = reason(reason, reasonRequired, next);
        PlannedWindow newWindow = null;
        if (next == ActionStatus.POSTPONED) {
            // Without a new window (the internship "postponed due to COVID-19", no new date given) the old one
            // stays, and the action counts as overdue once it has passed: the sign that it needs a new date.
            newWindow = window(plannedFrom, plannedTo, window);
        } else if (next == ActionStatus.COMPLETED || next == ActionStatus.CANCELLED) {
            if (plannedFrom != null || plannedTo != null) {
                throw new InvalidValueException(plannedFrom != null ? "plannedFrom" : "plannedTo",
                        "a new planned window is given only when postponing or resuming an action, not when "
                                + (next == ActionStatus.COMPLETED ? "completing" : "cancelling") + " it");
            }
        } else if (plannedFrom != null || plannedTo != null) {
            newWindow = window(plannedFrom, plannedTo, window);
        }
        HistoryEntry entry = new HistoryEntry(HistoryEntry.Kind.STATUS, status.name(), next.name(), checkedReason,
                newWindow, List.of(), by, at);
        Action moved = new Action(id, partnershipId, focalPointId, title, theme, network, leadOrganisationId,
                partnerOrganisationIds, newWindow == null ? window : newWindow, format, next, appended(entry));
        return ResultWithEvents.of(moved, new ActionEvent.StatusChanged(moved, entry));
    }

    /**
     * Changes how the action takes place, with a reason (the FY2020 exchange moved online due to COVID-19); the
     * status stays.
     *
     * @throws ActionMoveRefused (409) when the action is completed or cancelled
     */
    public ResultWithEvents<Action, ActionEvent> changeFormat(ActionFormat next, String reason, Actor by,
            Instant at) {
        Require.present("format", next);
        if (status.isFinal()) {
            throw new ActionMoveRefused(status, "changing the format");
        }
        if (next == format) {
            throw new InvalidValueException("format", "format is " + format + " already");
        }
        String checkedReason = reason(reason, true, null);
        HistoryEntry entry = new HistoryEntry(HistoryEntry.Kind.FORMAT, format == null ? null : format.name(),
                next.name(), checkedReason, null, List.of(), by, at);
        Action changed = new Action(id, partnershipId, focalPointId, title, theme, network, leadOrganisationId,
                partnerOrganisationIds, window, next, status, appended(entry));
        return ResultWithEvents.of(changed, new ActionEvent.FormatChanged(changed, entry));
    }

    /**
     * Changes details (a null field stays as it is); the history records which fields changed. Nothing changed:
     * the same action, no history entry.
     */
    public Action edit(Edit edit, Actor by, Instant at) {
        List<String> changed = new ArrayList<>();
        UUID newFocalPoint = focalPointId;
        if (edit.focalPointId() != null && !edit.focalPointId().equals(focalPointId)) {
            newFocalPoint = edit.focalPointId();
            changed.add("focalPointId");
        }
        LocalizedText newTitle = title;
        if (edit.title() != null) {
            newTitle = LocalizedText.of("title", edit.title(), true, MAX_TITLE);
            if (!newTitle.equals(title)) {
                changed.add("title");
            }
        }
        String newTheme = changedSlug(edit.theme(), theme, "theme", "renewable-energy", changed);
        String newNetwork = changedSlug(edit.network(), network, "network", "climate-action", changed);
        String newLead = changedSlug(edit.leadOrganisationId(), leadOrganisationId, "leadOrganisationId",
                "city-of-koriyama", changed);
        List<String> newPartners = partnerOrganisationIds;
        if (edit.partnerOrganisationIds() != null) {
            newPartners = partners(edit.partnerOrganisationIds(), newLead);
            if (!newPartners.equals(partnerOrganisationIds)) {
                changed.add("partnerOrganisationIds");
            }
        } else if (newLead != null && partnerOrganisationIds.contains(newLead)) {
            throw new InvalidValueException("leadOrganisationId", "leadOrganisationId " + newLead
                    + " is among partnerOrganisationIds: remove it there in the same change");
        }
        PlannedWindow newWindow = window;
        if (edit.plannedFrom() != null || edit.plannedTo() != null) {
            newWindow = window(edit.plannedFrom(), edit.plannedTo(), window);
            if (!Objects.equals(newWindow, window)) {
                changed.add("plannedWindow");
            }
        }
        if (changed.isEmpty()) {
            return this;
        }
        HistoryEntry entry = new HistoryEntry(HistoryEntry.Kind.DETAILS, null, null, null,
                changed.contains("plannedWindow") ? newWindow : null, changed, by, at);
        return new Action(id, partnershipId, newFocalPoint, newTitle, newTheme, newNetwork, newLead, newPartners,
                newWindow, format, status, appended(entry));
    }

    /** Open (planned, underway or postponed) and its planned window ended before {@code today}. */
    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && window != null && window.lastDay().isBefore(today);
    }

    /** The reason of the latest status change, e.g. why it is postponed; null when none was given. */
    public String statusReason() {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry entry = history.get(i);
            if (entry.kind() == HistoryEntry.Kind.STATUS || entry.kind() == HistoryEntry.Kind.PLANNED) {
                return entry.reason();
            }
        }
        return null;
    }

    private List<HistoryEntry> appended(HistoryEntry entry) {
        List<HistoryEntry> all = new ArrayList<>(history);
        all.add(entry);
        return all;
    }

    private static String reason(String reason, boolean required, ActionStatus next) {
        if (reason == null) {
            if (required) {
                throw new InvalidValueException("reason", "reason is required"
                        + (next == null ? " when the format changes" : " when an action is " + next));
            }
            return null;
        }
        return Require.visibleText("reason", reason, MAX_REASON);
    }

    /** A new window from the given ends; only {@code plannedTo} given keeps the current start. */
    private static PlannedWindow window(String plannedFrom, String plannedTo, PlannedWindow current) {
        if (plannedFrom == null && plannedTo == null) {
            return null;
        }
        if (plannedFrom == null) {
            if (current == null) {
                throw new InvalidValueException("plannedFrom", "plannedFrom is required with plannedTo");
            }
            return new PlannedWindow(current.from(), PlannedPeriod.parse("plannedTo", plannedTo));
        }
        return PlannedWindow.parse(plannedFrom, plannedTo);
    }

    private static List<String> partners(List<String> given, String lead) {
        List<String> checked = Require.each("partnerOrganisationIds",
                Require.size("partnerOrganisationIds", given, 0, MAX_PARTNERS),
                (path, slug) -> Require.slug(path, slug, "frea"));
        for (int i = 0; i < checked.size(); i++) {
            String path = "partnerOrganisationIds[" + i + "]";
            if (checked.indexOf(checked.get(i)) < i) {
                throw new InvalidValueException(path, checked.get(i) + " is listed twice");
            }
            if (checked.get(i).equals(lead)) {
                throw new InvalidValueException(path, checked.get(i) + " is the lead organisation already");
            }
        }
        return checked;
    }

    private static String changedSlug(String given, String current, String field, String example,
            List<String> changed) {
        if (given == null) {
            return current;
        }
        String checked = Require.slug(field, given, example);
        if (!checked.equals(current)) {
            changed.add(field);
        }
        return checked;
    }
}
