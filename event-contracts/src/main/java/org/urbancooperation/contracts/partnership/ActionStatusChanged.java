package org.urbancooperation.contracts.partnership;

import java.time.Instant;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * An action moved from one status to another (PLANNED, UNDERWAY, POSTPONED, COMPLETED, CANCELLED), or changed its
 * format while its status stayed ({@code from} equals {@code to}, {@code format} is set: the FY2020 exchange moved
 * online). Keyed by the partnership, as {@link ActionPlanned}.
 *
 * @param reason why, e.g. "Postponed due to COVID-19"; required for POSTPONED, CANCELLED and a format change
 * @param plannedFrom the new planned window's start when the change set one (always when postponed)
 * @param plannedTo its end, when it has one
 * @param format the new format, only when the format changed
 * @param previousFormat the format before, when the format changed and one was set
 * @param changedByOrganisationId the organisation whose staff made the change; absent for the programme secretariat
 */
public record ActionStatusChanged(
        UUID partnershipId,
        UUID actionId,
        String from,
        String to,
        String reason,
        String plannedFrom,
        String plannedTo,
        String format,
        String previousFormat,
        String changedByOrganisationId,
        Instant changedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return partnershipId.toString();
    }
}
