package org.urbancooperation.partnership.organisation.domain;

import java.util.Arrays;

import org.urbancooperation.support.domain.InvalidValueException;

/** What an organisation is, as the seed's stakeholders show them (FREA, EWG, a hospital, a gymnasium, a foundation). */
public enum OrganisationKind {
    CITY_GOVERNMENT,
    CITY_ASSEMBLY,
    RESEARCH_INSTITUTE,
    ENERGY_AGENCY,
    ECONOMIC_DEVELOPMENT_AGENCY,
    COMPANY,
    HOSPITAL,
    UNIVERSITY,
    SCHOOL,
    FOUNDATION,
    ASSOCIATION,
    EMBASSY_OR_DELEGATION,
    MINISTRY;

    /** @throws InvalidValueException naming {@code field} for anything but one of the names above */
    public static OrganisationKind parse(String field, String value) {
        return Arrays.stream(values()).filter(k -> k.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidValueException(field, field + " must be one of "
                        + Arrays.toString(values())));
    }
}
