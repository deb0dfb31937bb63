package org.urbancooperation.matching.matchingevent.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Whose matching event a business may take part in: a business of one of the partnership's cities. */
public interface ParticipantDirectory {

    /** The city of the business's profile; empty when it has no profile. */
    Optional<String> cityOf(String businessId);

    /** The names of the partnership's cities, as established; empty when it is unknown. */
    List<String> cityNamesOf(UUID partnershipId);
}
