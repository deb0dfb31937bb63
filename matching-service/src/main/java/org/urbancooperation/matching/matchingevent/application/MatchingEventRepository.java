package org.urbancooperation.matching.matchingevent.application;

import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.matching.matchingevent.domain.MatchingEvent;
import org.urbancooperation.matching.matchingevent.domain.MatchingEventChange;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Stores matching events together with the events of each change (one write each). */
public interface MatchingEventRepository {

    Optional<Versioned<MatchingEvent>> find(UUID id);

    Versioned<MatchingEvent> insert(ResultWithEvents<MatchingEvent, MatchingEventChange> created);

    /** @throws org.urbancooperation.support.application.ConcurrentModificationConflict when changed meanwhile */
    Versioned<MatchingEvent> update(ResultWithEvents<MatchingEvent, MatchingEventChange> changed, long readVersion,
            ExpectedVersion expected);

    /** A page of a partnership's matching events, in id order (stable while events are added or changed). */
    Page<Versioned<MatchingEvent>> listByPartnership(UUID partnershipId, PageRequest page);
}
