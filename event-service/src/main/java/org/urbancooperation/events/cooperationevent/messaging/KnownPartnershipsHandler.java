package org.urbancooperation.events.cooperationevent.messaging;

import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.partnership.PartnershipEstablished;
import org.urbancooperation.events.cooperationevent.persistence.KnownPartnerships;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.messaging.IntegrationEventHandler;

/**
 * Consumes partnership-service's {@code PartnershipEstablished} into {@link KnownPartnerships}: its name, its
 * cities' names and distinct time zones, its partner organisations. A redelivered or older event is stale.
 */
public class KnownPartnershipsHandler implements IntegrationEventHandler<PartnershipEstablished> {

    private final KnownPartnerships partnerships;

    public KnownPartnershipsHandler(KnownPartnerships partnerships) {
        this.partnerships = partnerships;
    }

    @Override
    public Class<PartnershipEstablished> eventClass() {
        return PartnershipEstablished.class;
    }

    @Override
    public HandlingOutcome handle(PartnershipEstablished event, EventEnvelope envelope) {
        return partnerships.record(new KnownPartnerships.Known(event.partnershipId(), envelope.aggregateVersion(),
                event.name(), event.cities().stream().map(PartnershipEstablished.City::name).toList(),
                event.cities().stream().map(PartnershipEstablished.City::timeZone).distinct().toList(),
                event.partnerOrganisations()));
    }
}
