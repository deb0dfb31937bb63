package org.urbancooperation.events.cooperationevent.domain;

/**
 * What happens to a cooperation event; the application publishes each as integration events.
 * ("Change", not "Event": the aggregate is itself a real-world event.)
 */
public sealed interface CooperationEventChange {

    CooperationEvent cooperationEvent();

    /** Made public; its agenda, when it had one, is published as version 1 in the same command. */
    record Published(CooperationEvent cooperationEvent) implements CooperationEventChange {
    }

    /** A public event's details (title, kind, venue, organisers, ...) changed; its times did not. */
    record DetailsChanged(CooperationEvent cooperationEvent) implements CooperationEventChange {
    }

    /** A public event's start or end moved, without a postponement. */
    record Rescheduled(CooperationEvent cooperationEvent, AgendaChange.Period from) implements CooperationEventChange {
    }

    record Postponed(CooperationEvent cooperationEvent, AgendaChange.Period from) implements CooperationEventChange {
    }

    /** @param wasPublic whether anybody but its organisers knew of it (a cancelled draft tells no one) */
    record Cancelled(CooperationEvent cooperationEvent, boolean wasPublic) implements CooperationEventChange {
    }

    record Completed(CooperationEvent cooperationEvent) implements CooperationEventChange {
    }

    record AgendaPublished(CooperationEvent cooperationEvent, AgendaVersion version) implements CooperationEventChange {
    }
}
