package org.urbancooperation.matching.opportunity.messaging;

import java.util.List;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.matching.OpportunityChanged;
import org.urbancooperation.contracts.matching.OpportunityExpired;
import org.urbancooperation.contracts.matching.OpportunityPublished;
import org.urbancooperation.contracts.matching.OpportunityWithdrawn;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.opportunity.domain.OpportunityEvent;

/** Maps the opportunity's domain events to the published contracts. */
public final class OpportunityIntegrationEvents {

    private OpportunityIntegrationEvents() {
    }

    public static List<IntegrationEvent> of(List<OpportunityEvent> events) {
        return events.stream().map(OpportunityIntegrationEvents::of).toList();
    }

    static IntegrationEvent of(OpportunityEvent event) {
        Opportunity o = event.opportunity();
        if (event instanceof OpportunityEvent.Published) {
            return new OpportunityPublished(o.id(), o.businessId(), o.type().name(), o.title().values(),
                    o.summary().values(), names(o.sectors()), names(o.subsectors()), o.keywords(),
                    names(o.cooperationTypes()), o.targetCountries(), o.referenceCode(), o.validUntil());
        }
        if (event instanceof OpportunityEvent.Changed) {
            return new OpportunityChanged(o.id(), o.businessId(), o.type().name(), o.title().values(),
                    o.summary().values(), names(o.sectors()), names(o.subsectors()), o.keywords(),
                    names(o.cooperationTypes()), o.targetCountries(), o.referenceCode(), o.validUntil());
        }
        if (event instanceof OpportunityEvent.Expired) {
            return new OpportunityExpired(o.id(), o.businessId(), o.validUntil());
        }
        if (event instanceof OpportunityEvent.Withdrawn) {
            return new OpportunityWithdrawn(o.id(), o.businessId(), o.withdrawalReason());
        }
        throw new IllegalArgumentException("unmapped opportunity event " + event.getClass().getName());
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).map(String.class::cast).toList();
    }
}
