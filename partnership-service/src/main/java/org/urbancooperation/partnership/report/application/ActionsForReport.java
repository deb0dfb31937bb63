package org.urbancooperation.partnership.report.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.urbancooperation.partnership.report.domain.ReportedAction;

/** A partnership's action plan, read from the action-plan feature. */
public interface ActionsForReport {

    /** The action plan's statuses in lifecycle order (PLANNED first). */
    List<String> statuses();

    List<ReportedAction> ofPartnership(UUID partnershipId);

    /** How many of the partnership's actions have each status (absent: none). */
    Map<String, Long> countByStatus(UUID partnershipId);
}
