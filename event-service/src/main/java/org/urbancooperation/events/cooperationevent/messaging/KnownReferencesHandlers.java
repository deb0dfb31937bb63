package org.urbancooperation.events.cooperationevent.messaging;

import org.urbancooperation.contracts.partnership.OrganisationRegistered;
import org.urbancooperation.contracts.partnership.ProgrammeRegistered;
import org.urbancooperation.events.cooperationevent.persistence.KnownReferences;
import org.urbancooperation.support.messaging.IntegrationEventHandler;

/**
 * Consumes partnership-service's registrations of organisations and programmes into this service's read models: a
 * cooperation event's organisers and programme must be among them. Redelivered or older events are stale.
 */
public final class KnownReferencesHandlers {

    private KnownReferencesHandlers() {
    }

    public static IntegrationEventHandler<OrganisationRegistered> organisations(KnownReferences organisations) {
        return IntegrationEventHandler.of(OrganisationRegistered.class,
                (event, envelope) -> organisations.record(event.organisationId(), envelope.aggregateVersion()));
    }

    public static IntegrationEventHandler<ProgrammeRegistered> programmes(KnownReferences programmes) {
        return IntegrationEventHandler.of(ProgrammeRegistered.class,
                (event, envelope) -> programmes.record(event.programmeId(), envelope.aggregateVersion()));
    }
}
