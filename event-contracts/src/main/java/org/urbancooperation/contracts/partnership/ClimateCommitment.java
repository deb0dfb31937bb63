package org.urbancooperation.contracts.partnership;

import java.util.Map;

/**
 * A city's climate commitment, as {@link CityRegistered} and {@link CityChanged} carry it.
 *
 * @param kind {@code EU_CITIES_MISSION} (the EU Mission for 100 climate-neutral and smart cities by 2030),
 *        {@code DECARBONIZATION_LEADING_AREA} (Japan's Decarbonization Leading Areas), {@code NET_ZERO_TARGET} or
 *        {@code OTHER}; consumers treat a kind they do not know as {@code OTHER}
 * @param madeIn the year the commitment was made (or the city selected)
 * @param targetYear the year it aims at, e.g. 2030 or 2050; null when none was given
 * @param description texts by BCP 47 language tag; null when none was given
 */
public record ClimateCommitment(String kind, int madeIn, Integer targetYear, Map<String, String> description) {
}
