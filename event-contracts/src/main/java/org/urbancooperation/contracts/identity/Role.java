package org.urbancooperation.contracts.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of caller the platform knows; anonymous callers carry no identity at all. */
public enum Role {
    /** The programme secretariat: everything. */
    OPERATOR,
    /** Staff of a city or organisation: its partnerships, their actions and the events it organises. */
    PARTNER,
    /** A company: its own profile, opportunities, matches and meetings. */
    BUSINESS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String value) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(value)).findFirst();
    }
}
