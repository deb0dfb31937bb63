package org.urbancooperation.events.registration.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the cooperation event offers at the moment of a command, read from the event itself.
 *
 * @param status the event's status name (DRAFT, PUBLISHED, POSTPONED, CANCELLED, COMPLETED)
 * @param capacity places of the whole event; null: unlimited
 * @param sessionIds the sessions of its latest published agenda, which registrations may name
 * @param partnershipIds the partnerships it counts for (carried into the integration events)
 */
public record Offer(String status, Integer capacity, Set<UUID> sessionIds, List<UUID> partnershipIds) {

    public Offer {
        sessionIds = Set.copyOf(sessionIds);
        partnershipIds = List.copyOf(partnershipIds);
    }

    boolean acceptsRegistrations() {
        return "PUBLISHED".equals(status);
    }

    /** Places are given while the event is still to happen, on its dates or on new ones. */
    boolean fillsPlaces() {
        return "PUBLISHED".equals(status) || "POSTPONED".equals(status);
    }
}
