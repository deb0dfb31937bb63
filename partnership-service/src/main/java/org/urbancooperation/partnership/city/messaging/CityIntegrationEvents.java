package org.urbancooperation.partnership.city.messaging;

import java.util.List;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.partnership.CityChanged;
import org.urbancooperation.contracts.partnership.CityRegistered;
import org.urbancooperation.contracts.partnership.ClimateCommitment;
import org.urbancooperation.partnership.city.domain.City;
import org.urbancooperation.partnership.city.domain.CityEvent;

/** Maps the city's domain events to the published contracts. */
public final class CityIntegrationEvents {

    private CityIntegrationEvents() {
    }

    public static List<IntegrationEvent> of(List<CityEvent> events) {
        return events.stream().map(CityIntegrationEvents::of).toList();
    }

    static IntegrationEvent of(CityEvent event) {
        if (event instanceof CityEvent.Registered registered) {
            City c = registered.city();
            return new CityRegistered(c.id(), c.names().values(), c.countryCode(), c.region(), c.timeZone().getId(),
                    commitments(c));
        }
        if (event instanceof CityEvent.Changed changed) {
            City c = changed.city();
            return new CityChanged(c.id(), c.names().values(), c.countryCode(), c.region(), c.timeZone().getId(),
                    commitments(c), changed.changedFields());
        }
        throw new IllegalArgumentException("unmapped city event " + event.getClass().getName());
    }

    private static List<ClimateCommitment> commitments(City city) {
        return city.climateCommitments().stream().map(c -> new ClimateCommitment(c.kind().name(), c.madeIn(),
                c.targetYear(), c.description() == null ? null : c.description().values())).toList();
    }
}
