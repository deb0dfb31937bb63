package org.urbancooperation.partnership.city.domain;

import java.util.Arrays;

import org.urbancooperation.support.domain.InvalidValueException;

/** What a city committed to. */
public enum ClimateCommitmentKind {
    /** Selected for the EU Mission for 100 climate-neutral and smart cities by 2030 (the Cities Mission). */
    EU_CITIES_MISSION,
    /** Selected as one of Japan's Decarbonization Leading Areas (Regional Decarbonization Roadmap). */
    DECARBONIZATION_LEADING_AREA,
    /** A net-zero (carbon-neutral) target of the city's own, e.g. by 2050. */
    NET_ZERO_TARGET,
    OTHER;

    /** @throws InvalidValueException naming {@code field} for anything but one of the names above */
    public static ClimateCommitmentKind parse(String field, String value) {
        return Arrays.stream(values()).filter(k -> k.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidValueException(field, field + " must be one of "
                        + Arrays.toString(values())));
    }
}
