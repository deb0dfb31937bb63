package org.urbancooperation.matching.matchingevent.application;

import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.matching.matchingevent.domain.Participant;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Stores the participants of matching events, one document each. */
public interface ParticipantRepository {

    Optional<Versioned<Participant>> find(UUID matchingEventId, String businessId);

    /** @throws org.urbancooperation.support.application.ConcurrentModificationConflict when it takes part already */
    Versioned<Participant> insert(Participant joined);

    Versioned<Participant> update(Participant changed, long readVersion, ExpectedVersion expected);

    /** A page of an event's participants in id order; {@code businessId} null for all of them. */
    Page<Versioned<Participant>> page(UUID matchingEventId, String businessId, PageRequest request);
}
