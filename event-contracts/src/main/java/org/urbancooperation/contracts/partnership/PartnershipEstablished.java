package org.urbancooperation.contracts.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * Two or more cities have started a partnership. Consumers keep it in their own read model so that
 * they can refuse cooperation events and matching events for partnerships that do not exist.
 *
 * @param themes thematic focus areas, e.g. {@code renewable-energy}, {@code medical-devices}
 * @param partnerOrganisations the organisations whose partners act for the partnership, e.g.
 *        {@code city-of-essen}; added in v1 as an optional field (absent means none)
 * @param kind SISTER_CITY, FRIENDSHIP, THEMATIC_COOPERATION or PROGRAMME_PILOT_PROJECT; optional (issue 11)
 * @param status PROPOSED or ACTIVE; optional (issue 11; absent means ACTIVE)
 * @param names the name by BCP 47 language tag; optional (issue 11)
 * @param programmeId the programme the partnership belongs to, e.g. {@code iurc}; optional
 * @param networks the programme's thematic networks it works in; optional
 * @param members member organisations per city and theme; optional (issue 11)
 */
public record PartnershipEstablished(
        UUID partnershipId,
        String name,
        List<City> cities,
        List<String> themes,
        LocalDate establishedOn,
        List<String> partnerOrganisations,
        String kind,
        String status,
        Map<String, String> names,
        String programmeId,
        List<String> networks,
        List<Member> members) implements IntegrationEvent {

    public PartnershipEstablished {
        partnerOrganisations = partnerOrganisations == null ? List.of() : List.copyOf(partnerOrganisations);
    }

    /** As published before partner organisations were added. */
    public PartnershipEstablished(UUID partnershipId, String name, List<City> cities, List<String> themes,
            LocalDate establishedOn) {
        this(partnershipId, name, cities, themes, establishedOn, List.of());
    }

    /** As published before issue 11 (programmes, kinds, statuses, members). */
    public PartnershipEstablished(UUID partnershipId, String name, List<City> cities, List<String> themes,
            LocalDate establishedOn, List<String> partnerOrganisations) {
        this(partnershipId, name, cities, themes, establishedOn, partnerOrganisations, null, null, null, null, null,
                null);
    }

    /**
     * A partner city; {@code countryCode} is ISO 3166-1 alpha-2 (DE, JP), {@code timeZone} is IANA; {@code cityId}
     * the id of the city at {@code /api/v1/cities} when the partnership names it by id (optional, issue 11).
     */
    public record City(String name, String countryCode, String timeZone, String cityId) {

        public City(String name, String countryCode, String timeZone) {
            this(name, countryCode, timeZone, null);
        }
    }

    /** A member organisation, in which city (optional) and for which themes. */
    public record Member(String organisationId, String cityId, List<String> themes) {
    }

    @Override
    public String aggregateId() {
        return partnershipId.toString();
    }
}
