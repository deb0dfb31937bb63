package org.urbancooperation.matching.profile.application;

import java.util.Optional;

import org.urbancooperation.matching.profile.domain.BusinessProfile;
import org.urbancooperation.matching.profile.domain.BusinessProfileEvent;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Stores business profiles together with the events of each change (one write each). */
public interface BusinessProfileRepository {

    Optional<Versioned<BusinessProfile>> find(String id);

    /** @throws org.urbancooperation.support.application.ConcurrentModificationConflict when the id is taken */
    Versioned<BusinessProfile> insert(ResultWithEvents<BusinessProfile, BusinessProfileEvent> registered);

    Versioned<BusinessProfile> update(ResultWithEvents<BusinessProfile, BusinessProfileEvent> changed, long readVersion,
            ExpectedVersion expected);

    /** A page in id order; each filter null for any. */
    Page<Versioned<BusinessProfile>> page(Sector sector, Subsector subsector, String country, PageRequest request);

    /** Every profile with its version, in batches: what the matching engine's memory of businesses starts from. */
    void forEach(java.util.function.Consumer<Versioned<BusinessProfile>> action);
}
