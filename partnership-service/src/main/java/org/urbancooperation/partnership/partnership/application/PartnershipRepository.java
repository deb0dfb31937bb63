package org.urbancooperation.partnership.partnership.application;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.partnership.partnership.domain.Partnership;
import org.urbancooperation.partnership.partnership.domain.PartnershipEvent;
import org.urbancooperation.partnership.partnership.domain.PartnershipStatus;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Stores partnerships together with the events of each change (one write each). */
public interface PartnershipRepository {

    Optional<Versioned<Partnership>> find(UUID id);

    Versioned<Partnership> insert(ResultWithEvents<Partnership, PartnershipEvent> created);

    Versioned<Partnership> update(ResultWithEvents<Partnership, PartnershipEvent> changed, long readVersion,
            ExpectedVersion expected);

    /** The partnerships {@code filter} matches, in id order, a page at a time. */
    Page<Versioned<Partnership>> page(PartnershipFilter filter, PageRequest request);

    /** How many partnerships are in each status, counted in the database. */
    Map<PartnershipStatus, Long> countByStatus();
}
