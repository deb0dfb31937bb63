package org.urbancooperation.contracts.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds of caller the platform knows; anonymous callers carry no identity at all. */
public enum Role {
    /** The programme secretariat: everything. */
    OPERATOR,
    /** Staff of a city or organisation: its partnerships, their actions and the events it organises. */
    PARTNER,
    /** A company: its own profile, opportunities, matches and meetings. */
    BUSINESS;

    /** Looked up on every request the gateway authenticates: a map, not a stream over values(). */
    private static final Map<String, Role> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Role::wireName, Function.identity()));

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(BY_WIRE_NAME.get(value));
    }
}
