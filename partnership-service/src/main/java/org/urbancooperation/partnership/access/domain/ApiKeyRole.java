package org.urbancooperation.partnership.access.domain;

import java.util.Arrays;
import java.util.Locale;

import org.urbancooperation.support.domain.InvalidValueException;

/** Whom a key speaks for: the programme secretariat, a partner organisation or a business. */
public enum ApiKeyRole {
    OPERATOR,
    PARTNER,
    BUSINESS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidValueException naming {@code field} when absent or unknown */
    public static ApiKeyRole fromWireName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, field + " is required");
        }
        return Arrays.stream(values()).filter(r -> r.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidValueException(field, field + " must be one of operator, partner, business"));
    }
}
