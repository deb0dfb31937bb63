package org.urbancooperation.partnership.actionplan.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.partnership.actionplan.domain.FocalPoint;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;

/** Focal points, one document each. */
public interface FocalPointRepository {

    Optional<Versioned<FocalPoint>> find(UUID id);

    /** A partnership's focal points by number (a handful: no paging). */
    List<Versioned<FocalPoint>> ofPartnership(UUID partnershipId);

    /** @throws org.urbancooperation.support.domain.RuleViolationException when its number is taken meanwhile */
    Versioned<FocalPoint> insert(FocalPoint focalPoint);

    Versioned<FocalPoint> update(FocalPoint focalPoint, long readVersion, ExpectedVersion expected);
}
