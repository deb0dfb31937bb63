package org.urbancooperation.events.cooperationevent.messaging;

import java.time.ZoneId;
import java.util.List;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.events.CooperationEventScheduled;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.CooperationEventChange;

/** Maps the domain's changes to the published contracts; the contracts never leak into the domain. */
public final class CooperationEventIntegrationEvents {

    private CooperationEventIntegrationEvents() {
    }

    public static List<IntegrationEvent> of(List<CooperationEventChange> changes) {
        return changes.stream().map(CooperationEventIntegrationEvents::of).toList();
    }

    static IntegrationEvent of(CooperationEventChange change) {
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
        if (change instanceof CooperationEventChange.Scheduled scheduled) {
            return scheduled(scheduled.cooperationEvent());
        }
        throw new IllegalArgumentException("unmapped cooperation event change " + change.getClass().getName());
    }

    private static CooperationEventScheduled scheduled(CooperationEvent e) {
        return new CooperationEventScheduled(e.id(), e.partnershipId(), e.title(), e.format().name(), e.startsAt(),
                e.endsAt(), e.timeZones().stream().map(ZoneId::getId).toList(), e.languages());
    }
}
