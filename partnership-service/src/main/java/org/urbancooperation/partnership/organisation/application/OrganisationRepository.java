package org.urbancooperation.partnership.organisation.application;

import java.util.Optional;

import org.urbancooperation.partnership.organisation.domain.Organisation;
import org.urbancooperation.partnership.organisation.domain.OrganisationEvent;
import org.urbancooperation.partnership.organisation.domain.OrganisationKind;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Stores organisations together with the events of each change (one write each). */
public interface OrganisationRepository {

    Optional<Versioned<Organisation>> find(String id);

    /** @throws org.urbancooperation.support.application.ConcurrentModificationConflict (409) when the id is taken */
    Versioned<Organisation> insert(ResultWithEvents<Organisation, OrganisationEvent> registered);

    Versioned<Organisation> update(ResultWithEvents<Organisation, OrganisationEvent> changed, long readVersion,
            ExpectedVersion expected);

    /** Organisations in id order; each filter applies when not null. */
    Page<Versioned<Organisation>> page(OrganisationKind kind, String homeCityId, String theme, PageRequest request);
}
