package org.urbancooperation.partnership.partnership.messaging;

import java.util.List;
import java.util.Map;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.partnership.AgreementSigned;
import org.urbancooperation.contracts.partnership.PartnershipChanged;
import org.urbancooperation.contracts.partnership.PartnershipEstablished;
import org.urbancooperation.contracts.partnership.PartnershipStatusChanged;
import org.urbancooperation.partnership.partnership.domain.Agreement;
import org.urbancooperation.partnership.partnership.domain.Partnership;
import org.urbancooperation.partnership.partnership.domain.PartnershipEvent;
import org.urbancooperation.partnership.partnership.domain.Signatory;

/**
 * Maps the domain's events to the published contracts; the contracts never leak into the domain. Focal-point
 * contacts and signatories' names are personal data and never published.
 */
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
            Agreement a = signed.agreement();
            return new AgreementSigned(signed.partnership().id(), a.id(), a.title(), a.signedOn(),
                    a.kind() == null ? null : a.kind().name(), a.signedAtCityId(),
                    a.signatories().stream().map(Signatory::organisationId).filter(o -> o != null).distinct().toList(),
                    a.documents().stream().map(d -> new AgreementSigned.Document(d.title(), d.url(), d.language(),
                            d.mediaType())).toList());
        }
        if (event instanceof PartnershipEvent.StatusChanged moved) {
            return new PartnershipStatusChanged(moved.partnership().id(), moved.from().name(), moved.to().name(),
                    moved.reason(), moved.at());
        }
        if (event instanceof PartnershipEvent.Changed changed) {
            Partnership p = changed.partnership();
            return new PartnershipChanged(p.id(), changed.changed(), p.name(), p.names().values(),
                    p.description() == null ? null : p.description().values(), p.kind() == null ? null : p.kind().name(),
                    p.programmeId(), p.networks(), cities(p), p.themes(), members(p), p.partnerOrganisations());
        }
        throw new IllegalArgumentException("unmapped partnership event " + event.getClass().getName());
    }

    private static PartnershipEstablished established(Partnership p) {
        Map<String, String> names = p.names().values();
        return new PartnershipEstablished(p.id(), p.name(), cities(p), p.themes(), p.establishedOn(),
                p.partnerOrganisations(), p.kind() == null ? null : p.kind().name(), p.status().name(), names,
                p.programmeId(), p.networks(), members(p));
    }

    private static List<PartnershipEstablished.City> cities(Partnership p) {
        return p.cities().stream().map(c -> new PartnershipEstablished.City(c.name(), c.countryCode(),
                c.timeZone().getId(), c.cityId())).toList();
    }

    private static List<PartnershipEstablished.Member> members(Partnership p) {
        return p.members().stream().map(m -> new PartnershipEstablished.Member(m.organisationId(), m.cityId(),
                m.themes())).toList();
    }
}
