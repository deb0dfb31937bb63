package org.urbancooperation.contracts.partnership;

import java.util.List;
import java.util.Map;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * An operator changed a city: the whole city as it is after the change (so a consumer needs no earlier event to
 * hold it), and which fields changed.
 *
 * @param changedFields the names of the fields this change set, e.g. {@code ["names", "climateCommitments"]}
 */
public record CityChanged(
        String cityId,
        Map<String, String> names,
        String countryCode,
        String region,
        String timeZone,
        List<ClimateCommitment> climateCommitments,
        List<String> changedFields) implements IntegrationEvent {

    public CityChanged {
        climateCommitments = climateCommitments == null ? List.of() : List.copyOf(climateCommitments);
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    @Override
    public String aggregateId() {
        return cityId;
    }
}
