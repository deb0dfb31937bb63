package org.urbancooperation.contracts.partnership;

import java.util.List;
import java.util.Map;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * An operator changed an organisation: the organisation as it is after the change, and which of these fields
 * changed. A change of its contacts alone publishes nothing (contacts are personal data, never in an event).
 *
 * @param changedFields e.g. {@code ["names", "website"]}
 */
public record OrganisationChanged(
        String organisationId,
        Map<String, String> names,
        String kind,
        String homeCityId,
        List<String> themes,
        String website,
        List<String> changedFields) implements IntegrationEvent {

    public OrganisationChanged {
        themes = themes == null ? List.of() : List.copyOf(themes);
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    @Override
    public String aggregateId() {
        return organisationId;
    }
}
