package org.urbancooperation.matching.shared.domain;

import java.util.Arrays;

import org.urbancooperation.support.domain.InvalidValueException;

/** The controlled vocabulary's sectors: the industries the Essen–Koriyama matching brings together. */
public enum Sector {
    RENEWABLE_ENERGY,
    MEDICAL_DEVICES,
    HEALTHCARE_SERVICES;

    /** @throws InvalidValueException naming {@code field} when {@code value} is no sector */
    public static Sector parse(String field, String value) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst().orElseThrow(() ->
                new InvalidValueException(field, field + " must be one of " + Arrays.toString(values())));
    }
}
