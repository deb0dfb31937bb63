package org.urbancooperation.contracts.partnership;

import java.util.List;
import java.util.Map;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * An operator registered a city, e.g. Koriyama ({@code {"en": "Koriyama", "ja": "郡山市"}}, JP, Fukushima Prefecture,
 * Asia/Tokyo). Partnerships and organisations name it by {@code cityId}.
 *
 * @param cityId the city's slug, e.g. {@code koriyama}; also the aggregate id and record key
 * @param names the city's names by BCP 47 language tag; {@code en} is always there
 * @param countryCode ISO 3166-1 alpha-2
 * @param region a prefecture, state or province, e.g. North Rhine-Westphalia; null when not given
 * @param timeZone the IANA time zone its people work in
 */
public record CityRegistered(
        String cityId,
        Map<String, String> names,
        String countryCode,
        String region,
        String timeZone,
        List<ClimateCommitment> climateCommitments) implements IntegrationEvent {

    public CityRegistered {
        climateCommitments = climateCommitments == null ? List.of() : List.copyOf(climateCommitments);
    }

    @Override
    public String aggregateId() {
        return cityId;
    }
}
