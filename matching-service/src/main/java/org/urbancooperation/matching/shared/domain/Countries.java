package org.urbancooperation.matching.shared.domain;

import java.util.Locale;
import java.util.Set;

import org.urbancooperation.support.domain.InvalidValueException;

/** ISO 3166-1 alpha-2 country codes, as profiles and opportunities' target countries name them. */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    public static String code(String field, String value) {
        if (value == null || !CODES.contains(value)) {
            throw new InvalidValueException(field, field + " must be an ISO 3166-1 alpha-2 code such as DE or JP");
        }
        return value;
    }
}
