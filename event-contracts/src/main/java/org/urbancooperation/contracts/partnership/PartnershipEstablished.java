package org.urbancooperation.contracts.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * Two or more cities have started a partnership. Consumers keep it in their own read model so that
 * they can refuse cooperation events and matching events for partnerships that do not exist.
 *
 * @param themes thematic focus areas, e.g. {@code renewable-energy}, {@code medical-devices}
 * @param partnerOrganisations the organisations whose partners act for the partnership, e.g.
 *        {@code city-of-essen}; added in v1 as an optional field (absent means none)
 */
public record PartnershipEstablished(
        UUID partnershipId,
        String name,
        List<City> cities,
        List<String> themes,
        LocalDate establishedOn,
        List<String> partnerOrganisations) implements IntegrationEvent {

    public PartnershipEstablished {
        partnerOrganisations = partnerOrganisations == null ? List.of() : List.copyOf(partnerOrganisations);
    }

    /** As published before partner organisations were added. */
    public PartnershipEstablished(UUID partnershipId, String name, List<City> cities, List<String> themes,
            LocalDate establishedOn) {
        this(partnershipId, name, cities, themes, establishedOn, List.of());
    }

    /** A partner city; {@code countryCode} is ISO 3166-1 alpha-2 (DE, JP), {@code timeZone} is IANA. */
    public record City(String name, String countryCode, String timeZone) {
    }

    @Override
    public String aggregateId() {
        return partnershipId.toString();
    }
}
