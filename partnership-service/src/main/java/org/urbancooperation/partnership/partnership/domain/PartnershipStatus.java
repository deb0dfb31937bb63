package org.urbancooperation.partnership.partnership.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.urbancooperation.support.domain.InvalidValueException;

/**
 * Where a partnership is in its lifecycle, and the moves allowed from each state:
 * <pre>
 * PROPOSED  -> ACTIVE, CONCLUDED (abandoned before it began)
 * ACTIVE    -> SUSPENDED, CONCLUDED
 * SUSPENDED -> ACTIVE, CONCLUDED
 * CONCLUDED -> (none: it is history)
 * </pre>
 */
public enum PartnershipStatus {
    PROPOSED,
    ACTIVE,
    SUSPENDED,
    CONCLUDED;

    public Set<PartnershipStatus> allowedMoves() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(ACTIVE, CONCLUDED);
            case ACTIVE -> EnumSet.of(SUSPENDED, CONCLUDED);
            case SUSPENDED -> EnumSet.of(ACTIVE, CONCLUDED);
            case CONCLUDED -> EnumSet.noneOf(PartnershipStatus.class);
        };
    }

    public boolean mayMoveTo(PartnershipStatus target) {
        return allowedMoves().contains(target);
    }

    /** @throws InvalidValueException naming {@code field} for anything that is not a status name */
    public static PartnershipStatus parse(String field, String value) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidValueException(field, field + " must be one of "
                        + Arrays.toString(values())));
    }
}
