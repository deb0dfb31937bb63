package org.urbancooperation.partnership.actionplan.domain;

import java.time.Instant;
import java.util.List;

import org.urbancooperation.support.domain.Require;

/**
 * One change of an action, as it is shown on the action: what it was ({@code from}), what it became ({@code to}),
 * why, who and when.
 *
 * @param kind PLANNED (the action was planned: from is null, to the first status), STATUS (to and from are
 *        statuses), FORMAT (to and from are formats; the status stays), DETAILS (title, theme, organisations or
 *        window edited: {@code changedFields} names them)
 * @param window the planned window after the change, when the change set one (a postponement always does)
 */
public record HistoryEntry(Kind kind, String from, String to, String reason, PlannedWindow window,
        List<String> changedFields, Actor by, Instant at) {

    public enum Kind {
        PLANNED, STATUS, FORMAT, DETAILS
    }

    public HistoryEntry {
        Require.present("kind", kind);
        Require.present("by", by);
        Require.present("at", at);
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
