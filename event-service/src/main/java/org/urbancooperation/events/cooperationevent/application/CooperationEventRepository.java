package org.urbancooperation.events.cooperationevent.application;

import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.CooperationEventChange;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Stores cooperation events together with the changes of each command (one write each). */
public interface CooperationEventRepository {

    Optional<Versioned<CooperationEvent>> find(UUID id);

    Versioned<CooperationEvent> insert(ResultWithEvents<CooperationEvent, CooperationEventChange> scheduled);

    /** A page of a partnership's cooperation events, in id order (stable while events are added or changed). */
    Page<Versioned<CooperationEvent>> listByPartnership(UUID partnershipId, PageRequest page);
}
