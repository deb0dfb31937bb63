package org.urbancooperation.partnership.organisation.messaging;

import java.util.List;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.partnership.OrganisationChanged;
import org.urbancooperation.contracts.partnership.OrganisationRegistered;
import org.urbancooperation.partnership.organisation.domain.Organisation;
import org.urbancooperation.partnership.organisation.domain.OrganisationEvent;

/** Maps the organisation's domain events to the published contracts: never its contacts (personal data). */
public final class OrganisationIntegrationEvents {

    private OrganisationIntegrationEvents() {
    }

    public static List<IntegrationEvent> of(List<OrganisationEvent> events) {
        return events.stream().map(OrganisationIntegrationEvents::of).toList();
    }

    static IntegrationEvent of(OrganisationEvent event) {
        if (event instanceof OrganisationEvent.Registered registered) {
            Organisation o = registered.organisation();
            return new OrganisationRegistered(o.id(), o.names().values(), o.kind().name(), o.homeCityId(), o.themes(),
                    o.website());
        }
        if (event instanceof OrganisationEvent.Changed changed) {
            Organisation o = changed.organisation();
            return new OrganisationChanged(o.id(), o.names().values(), o.kind().name(), o.homeCityId(), o.themes(),
                    o.website(), changed.changedFields());
        }
        throw new IllegalArgumentException("unmapped organisation event " + event.getClass().getName());
    }
}
