package org.urbancooperation.partnership.programme.application;

import java.util.Optional;

import org.urbancooperation.partnership.programme.domain.Programme;
import org.urbancooperation.partnership.programme.domain.ProgrammeEvent;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Stores programmes together with the events of each change (one write each). */
public interface ProgrammeRepository {

    Optional<Versioned<Programme>> find(String id);

    /** @throws org.urbancooperation.support.application.ConcurrentModificationConflict (409) when the id is taken */
    Versioned<Programme> insert(ResultWithEvents<Programme, ProgrammeEvent> created);

    Versioned<Programme> update(ResultWithEvents<Programme, ProgrammeEvent> changed, long readVersion,
            ExpectedVersion expected);

    /** Programmes in id order. */
    Page<Versioned<Programme>> page(PageRequest request);
}
