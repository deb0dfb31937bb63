package org.urbancooperation.partnership.partnership.messaging;

import java.util.List;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.partnership.AgreementSigned;
import org.urbancooperation.contracts.partnership.PartnershipEstablished;
import org.urbancooperation.partnership.partnership.domain.Partnership;
import org.urbancooperation.partnership.partnership.domain.PartnershipEvent;

/** Maps the domain's events to the published contracts; the contracts never leak into the domain. */
public final class PartnershipIntegrationEvents {

    private PartnershipIntegrationEvents() {
    }

    public static List<IntegrationEvent> of(List<PartnershipEvent> events) {
        return events.stream().map(PartnershipIntegrationEvents::of).toList();
    }

    static IntegrationEvent of(PartnershipEvent event) {
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
        if (event instanceof PartnershipEvent.Established established) {
            return established(established.partnership());
        }
        if (event instanceof PartnershipEvent.AgreementSigned signed) {
            return new AgreementSigned(signed.partnership().id(), signed.agreement().id(), signed.agreement().title(),
                    signed.agreement().signedOn());
        }
        throw new IllegalArgumentException("unmapped partnership event " + event.getClass().getName());
    }

    private static PartnershipEstablished established(Partnership p) {
        return new PartnershipEstablished(p.id(), p.name(),
                p.cities().stream()
                        .map(c -> new PartnershipEstablished.City(c.name(), c.countryCode(), c.timeZone().getId()))
                        .toList(),
                p.themes(), p.establishedOn(), p.partnerOrganisations());
    }
}
