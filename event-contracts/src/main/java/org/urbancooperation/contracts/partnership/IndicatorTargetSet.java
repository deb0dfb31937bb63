package org.urbancooperation.contracts.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * The programme secretariat defined a partnership's indicator or changed its baseline, target or target date.
 * An indicator is named by its {@code code}, unique within its partnership.
 *
 * @param name by BCP 47 language tag, {@code en} always present
 * @param source AUTOMATIC (counted from the other services' events) or MANUAL (entered by hand)
 * @param measure what an AUTOMATIC indicator counts (e.g. COOPERATION_EVENTS_HELD); null for MANUAL
 */
public record IndicatorTargetSet(
        UUID partnershipId,
        String code,
        Map<String, String> name,
        String unit,
        String source,
        String measure,
        BigDecimal baseline,
        BigDecimal target,
        LocalDate targetDate) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return partnershipId + "/" + code;
    }
}
