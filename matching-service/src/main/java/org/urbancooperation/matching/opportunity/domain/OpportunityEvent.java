package org.urbancooperation.matching.opportunity.domain;

/** What happens to an opportunity; the application publishes each as an integration event. */
public sealed interface OpportunityEvent {

    Opportunity opportunity();

    /** Published for the first time, or again after it expired and was renewed. */
    record Published(Opportunity opportunity) implements OpportunityEvent {
    }

    /** A published opportunity's content or validity changed. */
    record Changed(Opportunity opportunity) implements OpportunityEvent {
    }

    record Expired(Opportunity opportunity) implements OpportunityEvent {
    }

    record Withdrawn(Opportunity opportunity) implements OpportunityEvent {
    }
}
