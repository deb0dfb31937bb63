package org.urbancooperation.matching.matchingevent.messaging;

import java.util.List;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.matching.MatchingEventOpened;
import org.urbancooperation.matching.matchingevent.domain.MatchingEvent;
import org.urbancooperation.matching.matchingevent.domain.MatchingEventChange;

/** Maps the domain's events to the published contracts; the contracts never leak into the domain. */
public final class MatchingEventIntegrationEvents {

    private MatchingEventIntegrationEvents() {
    }

    public static List<IntegrationEvent> of(List<MatchingEventChange> changes) {
        return changes.stream().map(MatchingEventIntegrationEvents::of).toList();
    }

    static IntegrationEvent of(MatchingEventChange change) {
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
        if (change instanceof MatchingEventChange.Opened opened) {
            MatchingEvent e = opened.matchingEvent();
            return new MatchingEventOpened(e.id(), e.partnershipId(), e.title(), e.startsAt(), e.endsAt(),
                    e.slotMinutes(), e.cooperationEventId());
        }
        throw new IllegalArgumentException("unmapped matching event change " + change.getClass().getName());
    }
}
