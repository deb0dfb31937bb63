package org.urbancooperation.partnership.actionplan.messaging;

import java.util.List;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.partnership.ActionPlanned;
import org.urbancooperation.contracts.partnership.ActionStatusChanged;
import org.urbancooperation.partnership.actionplan.domain.Action;
import org.urbancooperation.partnership.actionplan.domain.ActionEvent;
import org.urbancooperation.partnership.actionplan.domain.HistoryEntry;

/**
 * Maps the action's domain events to the published contracts. Who made a change is published as the organisation
 * only: a person's subject is personal data and stays in the action's history.
 */
public final class ActionIntegrationEvents {

    private ActionIntegrationEvents() {
    }

    public static List<IntegrationEvent> of(List<ActionEvent> events) {
        return events.stream().map(ActionIntegrationEvents::of).toList();
    }

    static IntegrationEvent of(ActionEvent event) {
        Action a = event.action();
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
        if (event instanceof ActionEvent.Planned) {
            return new ActionPlanned(a.partnershipId(), a.id(), a.focalPointId(), a.title().values(), a.theme(),
                    a.network(), a.leadOrganisationId(), a.partnerOrganisationIds(),
                    a.window() == null ? null : a.window().from().text(),
                    a.window() == null || a.window().to() == null ? null : a.window().to().text(),
                    a.format() == null ? null : a.format().name(), a.status().name());
        }
        if (event instanceof ActionEvent.StatusChanged changed) {
            HistoryEntry e = changed.change();
            return new ActionStatusChanged(a.partnershipId(), a.id(), e.from(), e.to(), e.reason(),
                    e.window() == null ? null : e.window().from().text(),
                    e.window() == null || e.window().to() == null ? null : e.window().to().text(),
                    null, null, e.by().organisationId(), e.at());
        }
        if (event instanceof ActionEvent.FormatChanged changed) {
            HistoryEntry e = changed.change();
            return new ActionStatusChanged(a.partnershipId(), a.id(), a.status().name(), a.status().name(),
                    e.reason(), null, null, e.to(), e.from(), e.by().organisationId(), e.at());
        }
        throw new IllegalArgumentException("unmapped action event " + event.getClass().getName());
    }
}
