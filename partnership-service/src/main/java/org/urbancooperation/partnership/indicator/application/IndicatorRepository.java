package org.urbancooperation.partnership.indicator.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.partnership.indicator.domain.Indicator;
import org.urbancooperation.partnership.indicator.domain.IndicatorEvent;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Indicators with the events of each change, one document each (one write per change). */
public interface IndicatorRepository {

    Optional<Versioned<Indicator>> find(UUID partnershipId, String code);

    /** @throws org.urbancooperation.support.application.ConcurrentModificationConflict when the code is taken (409) */
    Versioned<Indicator> insert(ResultWithEvents<Indicator, IndicatorEvent> defined);

    Versioned<Indicator> update(ResultWithEvents<Indicator, IndicatorEvent> changed, long readVersion,
            ExpectedVersion expected);

    /** A partnership's indicators by code. */
    Page<Versioned<Indicator>> page(UUID partnershipId, PageRequest request);

    /** Every partnership's indicators, for the business metrics (a programme has hundreds, not millions). */
    List<Indicator> all();
}
