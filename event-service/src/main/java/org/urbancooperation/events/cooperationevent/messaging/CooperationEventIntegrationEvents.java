package org.urbancooperation.events.cooperationevent.messaging;

import java.util.ArrayList;
import java.util.List;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.events.CooperationEventCancelled;
import org.urbancooperation.contracts.events.CooperationEventHeld;
import org.urbancooperation.contracts.events.CooperationEventScheduled;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.CooperationEventChange;

/** Maps the domain's changes to the published contracts; the contracts never leak into the domain. */
public final class CooperationEventIntegrationEvents {

    private CooperationEventIntegrationEvents() {
    }

    public static List<IntegrationEvent> of(List<CooperationEventChange> changes) {
        List<IntegrationEvent> events = new ArrayList<>();
        changes.forEach(change -> events.addAll(of(change)));
        return events;
    }

    static List<IntegrationEvent> of(CooperationEventChange change) {
        CooperationEvent e = change.cooperationEvent();
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
        if (change instanceof CooperationEventChange.Published) {
            // CooperationEventScheduled v1 names one partnership: partnership-service counts it per partnership,
            // so an event of several partnerships is announced to each; one of none is announced to no one.
            return e.partnershipIds().stream().<IntegrationEvent>map(partnershipId -> new CooperationEventScheduled(
                    e.id(), partnershipId, e.title(), e.kind().name(), e.startsAt(), e.endsAt(),
                    e.timeZones().stream().map(java.time.ZoneId::getId).toList(), e.languages())).toList();
        }
        if (change instanceof CooperationEventChange.Cancelled cancelled) {
            // The contract names at least one partnership; a draft's cancellation tells no one.
            return cancelled.wasPublic() && !e.partnershipIds().isEmpty()
                    ? List.of(new CooperationEventCancelled(e.id(), e.partnershipIds(), e.statusReason()))
                    : List.of();
        }
        if (change instanceof CooperationEventChange.Completed) {
            return e.partnershipIds().isEmpty() ? List.of()
                    : List.of(new CooperationEventHeld(e.id(), e.partnershipIds(), e.title(), e.kind().name(),
                            e.startsAt(), e.endsAt()));
        }
        if (change instanceof CooperationEventChange.Rescheduled || change instanceof CooperationEventChange.Postponed
                || change instanceof CooperationEventChange.AgendaPublished) {
            // No contract yet (issue 12's next step): the changes are stored and readable through the API.
            return List.of();
        }
        throw new IllegalArgumentException("unmapped cooperation event change " + change.getClass().getName());
    }
}
