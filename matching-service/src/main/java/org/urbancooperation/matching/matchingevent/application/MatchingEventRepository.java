package org.urbancooperation.matching.matchingevent.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.matching.matchingevent.domain.MatchingEvent;
import org.urbancooperation.matching.matchingevent.domain.MatchingEventChange;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;

/** Stores matching events together with the events of each change (one write each). */
public interface MatchingEventRepository {

    Optional<Versioned<MatchingEvent>> find(UUID id);

    Versioned<MatchingEvent> insert(ResultWithEvents<MatchingEvent, MatchingEventChange> created);

    /** The matching events of one partnership, earliest start first. */
    List<Versioned<MatchingEvent>> listByPartnership(UUID partnershipId, int offset, int limit);
}
