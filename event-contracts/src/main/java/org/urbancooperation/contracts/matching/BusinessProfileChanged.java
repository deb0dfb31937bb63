package org.urbancooperation.contracts.matching;

import java.util.List;
import java.util.Map;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A business profile was changed (the whole profile as it is now). Never its contacts: those only a confirmed
 * match partner sees.
 *
 * @param businessId the business's slug id, the {@code business} role's id (hydrogen-koriyama)
 * @param sectors RENEWABLE_ENERGY, MEDICAL_DEVICES, HEALTHCARE_SERVICES
 * @param description by BCP 47 language tag, en always there
 */
public record BusinessProfileChanged(
        String businessId,
        Map<String, String> names,
        String kind,
        String country,
        String city,
        List<String> sectors,
        List<String> subsectors,
        String size,
        List<String> languages,
        String timeZone,
        Map<String, String> description) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return businessId;
    }
}
