package org.urbancooperation.matching.profile.messaging;

import java.util.List;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.matching.BusinessProfileChanged;
import org.urbancooperation.contracts.matching.BusinessProfileRegistered;
import org.urbancooperation.matching.profile.domain.BusinessProfile;
import org.urbancooperation.matching.profile.domain.BusinessProfileEvent;

/** Maps the profile's domain events to the published contracts: never its contacts (revealed only to a match). */
public final class BusinessProfileIntegrationEvents {

    private BusinessProfileIntegrationEvents() {
    }

    public static List<IntegrationEvent> of(List<BusinessProfileEvent> events) {
        return events.stream().map(BusinessProfileIntegrationEvents::of).toList();
    }

    static IntegrationEvent of(BusinessProfileEvent event) {
        if (event instanceof BusinessProfileEvent.Registered registered) {
            BusinessProfile p = registered.profile();
            return new BusinessProfileRegistered(p.id(), p.names().values(), p.kind().name(), p.country(), p.city(),
                    p.sectors().stream().map(Enum::name).toList(), p.subsectors().stream().map(Enum::name).toList(),
                    p.size().name(), p.languages(), p.timeZone().getId(), p.description().values());
        }
        if (event instanceof BusinessProfileEvent.Changed changed) {
            BusinessProfile p = changed.profile();
            return new BusinessProfileChanged(p.id(), p.names().values(), p.kind().name(), p.country(), p.city(),
                    p.sectors().stream().map(Enum::name).toList(), p.subsectors().stream().map(Enum::name).toList(),
                    p.size().name(), p.languages(), p.timeZone().getId(), p.description().values());
        }
        throw new IllegalArgumentException("unmapped business profile event " + event.getClass().getName());
    }
}
