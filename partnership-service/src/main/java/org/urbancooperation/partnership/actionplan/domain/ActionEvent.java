package org.urbancooperation.partnership.actionplan.domain;

/** What happens to an action; the application publishes each as an integration event. */
public sealed interface ActionEvent {

    Action action();

    record Planned(Action action) implements ActionEvent {
    }

    /** A status move; {@code change} is the history entry it added. */
    record StatusChanged(Action action, HistoryEntry change) implements ActionEvent {
    }

    /** The format changed (moved online), the status stayed; {@code change} is the history entry it added. */
    record FormatChanged(Action action, HistoryEntry change) implements ActionEvent {
    }
}
