package org.urbancooperation.partnership.indicator.messaging;

import java.util.List;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.partnership.IndicatorTargetSet;
import org.urbancooperation.partnership.indicator.domain.Indicator;
import org.urbancooperation.partnership.indicator.domain.IndicatorEvent;

/** Maps the indicator's domain events to the published contracts. */
public final class IndicatorIntegrationEvents {

    private IndicatorIntegrationEvents() {
    }

    public static List<IntegrationEvent> of(List<IndicatorEvent> events) {
        return events.stream().map(IndicatorIntegrationEvents::of).toList();
    }

    static IntegrationEvent of(IndicatorEvent event) {
        if (event instanceof IndicatorEvent.TargetSet set) {
            Indicator i = set.indicator();
            return new IndicatorTargetSet(i.partnershipId(), i.code(), i.name().values(), i.unit(), i.source().name(),
                    i.measure() == null ? null : i.measure().name(), i.baseline(), i.target(), i.targetDate());
        }
        throw new IllegalArgumentException("unmapped indicator event " + event.getClass().getName());
    }
}
