package org.urbancooperation.partnership.partnership.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.partnership.partnership.domain.Partnership;
import org.urbancooperation.partnership.partnership.domain.PartnershipEvent;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;

/** Stores partnerships together with the events of each change (one write each). */
public interface PartnershipRepository {

    Optional<Versioned<Partnership>> find(UUID id);

    Versioned<Partnership> insert(ResultWithEvents<Partnership, PartnershipEvent> created);

    Versioned<Partnership> update(ResultWithEvents<Partnership, PartnershipEvent> changed, long readVersion,
            ExpectedVersion expected);

    /** Partnerships by name (exact, or all when null), oldest first. */
    List<Versioned<Partnership>> list(String name, int offset, int limit);
}
