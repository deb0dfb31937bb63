package org.urbancooperation.events.cooperationevent.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.CooperationEventChange;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;

/** Stores cooperation events together with the changes of each command (one write each). */
public interface CooperationEventRepository {

    Optional<Versioned<CooperationEvent>> find(UUID id);

    Versioned<CooperationEvent> insert(ResultWithEvents<CooperationEvent, CooperationEventChange> scheduled);

    /** A partnership's cooperation events, earliest start first. */
    List<Versioned<CooperationEvent>> listByPartnership(UUID partnershipId, int offset, int limit);
}
