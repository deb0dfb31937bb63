package org.urbancooperation.partnership.indicator.domain;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a partnership has done, as the other services report it: cooperation events by format
 * (study tours, seminars, trade fairs, conferences) and business matching events opened.
 */
public record ProgrammeIndicators(
        UUID partnershipId,
        long cooperationEventsScheduled,
        Map<String, Long> cooperationEventsByFormat,
        long matchingEventsOpened) {

    public ProgrammeIndicators {
        cooperationEventsByFormat = Map.copyOf(new TreeMap<>(cooperationEventsByFormat));
    }

    public static ProgrammeIndicators none(UUID partnershipId) {
        return new ProgrammeIndicators(partnershipId, 0, Map.of(), 0);
    }
}
