package org.urbancooperation.events.cooperationevent.domain;

/**
 * What happens to a cooperation event; the application publishes each as an integration event.
 * ("Change", not "Event": the aggregate is itself a real-world event.)
 */
public sealed interface CooperationEventChange {

    record Scheduled(CooperationEvent cooperationEvent) implements CooperationEventChange {
    }
}
