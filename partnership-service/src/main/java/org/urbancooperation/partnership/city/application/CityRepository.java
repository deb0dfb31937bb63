package org.urbancooperation.partnership.city.application;

import java.util.Optional;

import org.urbancooperation.partnership.city.domain.City;
import org.urbancooperation.partnership.city.domain.CityEvent;
import org.urbancooperation.partnership.city.domain.ClimateCommitmentKind;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Stores cities together with the events of each change (one write each). */
public interface CityRepository {

    Optional<Versioned<City>> find(String id);

    /** @throws org.urbancooperation.support.application.ConcurrentModificationConflict (409) when the id is taken */
    Versioned<City> insert(ResultWithEvents<City, CityEvent> registered);

    Versioned<City> update(ResultWithEvents<City, CityEvent> changed, long readVersion, ExpectedVersion expected);

    /** Cities in id order; {@code countryCode} and {@code commitment} filter when not null. */
    Page<Versioned<City>> page(String countryCode, ClimateCommitmentKind commitment, PageRequest request);
}
