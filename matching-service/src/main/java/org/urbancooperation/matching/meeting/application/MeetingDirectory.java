package org.urbancooperation.matching.meeting.application;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who organises which partnership's matching events, and the zone each business works in. */
public interface MeetingDirectory {

    /** The organisations whose partner staff organise the partnership's matching events; empty when unknown. */
    List<String> organisersOf(UUID partnershipId);

    /** The partnerships whose matching events the organisation's partner staff organise. */
    List<UUID> partnershipsOrganisedBy(String organisationId);

    /** The zone a matching event's blocks are entered in; empty when it has none (an event of before blocks). */
    Optional<ZoneId> zoneOfMatchingEvent(UUID matchingEventId);

    /** The zone of the business's profile; empty when it has no profile. */
    Optional<ZoneId> zoneOf(String businessId);
}
