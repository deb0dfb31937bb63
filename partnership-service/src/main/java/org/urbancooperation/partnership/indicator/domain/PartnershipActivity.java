package org.urbancooperation.partnership.indicator.domain;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a partnership has put on its calendar, as the other services report it: cooperation events by format
 * (study tours, seminars, trade fairs, conferences) scheduled and business matching events opened.
 */
public record PartnershipActivity(
        UUID partnershipId,
        long cooperationEventsScheduled,
        Map<String, Long> cooperationEventsByFormat,
        long matchingEventsOpened) {

    public PartnershipActivity {
        cooperationEventsByFormat = Map.copyOf(new TreeMap<>(cooperationEventsByFormat));
    }

    public static PartnershipActivity none(UUID partnershipId) {
        return new PartnershipActivity(partnershipId, 0, Map.of(), 0);
    }
}
