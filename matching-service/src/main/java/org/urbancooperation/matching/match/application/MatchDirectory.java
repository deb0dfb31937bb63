package org.urbancooperation.matching.match.application;

import java.util.List;
import java.util.UUID;

/**
 * What a match needs to know of the businesses and matching events around it, read from this service's other
 * collections: whether a business has a profile, whether a matching event exists, the contacts revealed by a
 * confirmed match, and the partnerships a confirmed match counts for.
 */
public interface MatchDirectory {

    /** A person to contact, as revealed to a confirmed match partner. */
    record PartnerContact(String name, String role, String email, String phone) {
    }

    boolean hasProfile(String businessId);

    boolean matchingEventExists(UUID matchingEventId);

    List<PartnerContact> contactsOf(String businessId);

    /**
     * The partnerships a match between the two businesses counts for: the matching event's partnership when it
     * belongs to one; otherwise every known partnership whose cities include both businesses' cities.
     */
    List<UUID> partnershipsOf(UUID matchingEventId, String businessId, String otherBusinessId);
}
