package org.urbancooperation.contracts.partnership;

import java.util.List;
import java.util.Map;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * An operator registered an organisation that takes part in partnerships, e.g. the Fukushima Renewable Energy
 * Institute, AIST (FREA) in Koriyama. Its contacts are personal data and never published.
 *
 * @param organisationId the organisation's slug, e.g. {@code frea}; what partnerships and API keys name
 * @param kind e.g. {@code RESEARCH_INSTITUTE}, {@code ECONOMIC_DEVELOPMENT_AGENCY}, {@code CITY_GOVERNMENT};
 *        consumers treat a kind they do not know as unknown, not as an error
 * @param homeCityId the {@code cityId} of its city
 * @param themes theme slugs, e.g. {@code renewable-energy}
 * @param website an absolute http or https URL; null when not given
 */
public record OrganisationRegistered(
        String organisationId,
        Map<String, String> names,
        String kind,
        String homeCityId,
        List<String> themes,
        String website) implements IntegrationEvent {

    public OrganisationRegistered {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }

    @Override
    public String aggregateId() {
        return organisationId;
    }
}
