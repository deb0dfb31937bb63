package org.urbancooperation.matching.shared.domain;

import java.util.Arrays;

import org.urbancooperation.support.domain.InvalidValueException;

/** The controlled vocabulary's subsectors, each within one {@link Sector}. */
public enum Subsector {
    HYDROGEN(Sector.RENEWABLE_ENERGY),
    SOLAR(Sector.RENEWABLE_ENERGY),
    WIND(Sector.RENEWABLE_ENERGY),
    BIOMASS(Sector.RENEWABLE_ENERGY),
    GEOTHERMAL(Sector.RENEWABLE_ENERGY),
    STORAGE(Sector.RENEWABLE_ENERGY),
    SMART_GRID(Sector.RENEWABLE_ENERGY),
    EFFICIENCY(Sector.RENEWABLE_ENERGY),
    DIAGNOSTICS(Sector.MEDICAL_DEVICES),
    THERAPEUTIC_DEVICES(Sector.MEDICAL_DEVICES),
    HYGIENE_AND_DISINFECTION(Sector.MEDICAL_DEVICES),
    DIGITAL_HEALTH(Sector.MEDICAL_DEVICES),
    EMERGENCY_AND_INTENSIVE_CARE(Sector.MEDICAL_DEVICES),
    REHABILITATION(Sector.MEDICAL_DEVICES);

    private final Sector sector;

    Subsector(Sector sector) {
        this.sector = sector;
    }

    public Sector sector() {
        return sector;
    }

    /** @throws InvalidValueException naming {@code field} when {@code value} is no subsector */
    public static Subsector parse(String field, String value) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst().orElseThrow(() ->
                new InvalidValueException(field, field + " must be one of " + Arrays.toString(values())));
    }
}
