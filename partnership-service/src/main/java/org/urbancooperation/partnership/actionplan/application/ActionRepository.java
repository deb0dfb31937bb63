package org.urbancooperation.partnership.actionplan.application;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.partnership.actionplan.domain.Action;
import org.urbancooperation.partnership.actionplan.domain.ActionEvent;
import org.urbancooperation.partnership.actionplan.domain.ActionStatus;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Actions, one document each, with the events of each change in the same write. */
public interface ActionRepository {

    Optional<Versioned<Action>> find(UUID id);

    Versioned<Action> insert(ResultWithEvents<Action, ActionEvent> planned);

    Versioned<Action> update(ResultWithEvents<Action, ActionEvent> changed, long readVersion, ExpectedVersion expected);

    /** A partnership's actions in id order, optionally only those with this status or under this focal point. */
    Page<Versioned<Action>> page(UUID partnershipId, ActionStatus status, UUID focalPointId, PageRequest request);

    /** How many actions there are in each status, all partnerships together (every status present, 0 if none). */
    Map<ActionStatus, Long> countByStatus();

    /** Open actions (planned, underway, postponed) whose planned window ended before {@code today}. */
    long countOverdue(LocalDate today);
}
