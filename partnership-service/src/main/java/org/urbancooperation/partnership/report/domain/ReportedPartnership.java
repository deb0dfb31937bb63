package org.urbancooperation.partnership.report.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A partnership as its results report shows it: what anybody who may read the partnership may see, never its
 * focal-point contacts (the report is read by businesses and anonymous callers too, and is downloaded as a file).
 *
 * @param kind null for partnerships established before kinds were recorded
 * @param programme null when it belongs to none
 * @param partnerOrganisations the flat list of member organisations, for who may read a non-active one
 */
public record ReportedPartnership(
        UUID id,
        String name,
        Map<String, String> names,
        String kind,
        String status,
        LocalDate establishedOn,
        ProgrammeRef programme,
        List<String> networks,
        List<City> cities,
        List<String> themes,
        List<Member> members,
        List<Agreement> agreements,
        List<String> partnerOrganisations) {

    public ReportedPartnership {
        names = Map.copyOf(names);
        networks = List.copyOf(networks);
        cities = List.copyOf(cities);
        themes = List.copyOf(themes);
        members = List.copyOf(members);
        agreements = List.copyOf(agreements);
        partnerOrganisations = List.copyOf(partnerOrganisations);
    }

    /** @param names null when the programme is not (or no longer) registered */
    public record ProgrammeRef(String id, Map<String, String> names) {
    }

    /** @param cityId null for a city given inline */
    public record City(String cityId, String name, String countryCode) {
    }

    /**
     * A member organisation.
     *
     * @param name its English name; null when it is not registered at /api/v1/organisations
     * @param cityId null when not recorded
     */
    public record Member(String organisationId, String name, String cityId, List<String> themes) {

        public Member {
            themes = List.copyOf(themes);
        }
    }

    /**
     * An agreement with who signed it (signatories are public on the partnership; they are not contacts).
     *
     * @param kind null for agreements recorded before kinds were
     * @param signedAt where it was signed: the city's English name, or its id when the city is not registered; null
     *        when not recorded
     */
    public record Agreement(UUID id, String title, String kind, LocalDate signedOn, String signedAtCityId,
            String signedAt, List<Signatory> signatories) {

        public Agreement {
            signatories = List.copyOf(signatories);
        }
    }

    public record Signatory(String name, String title, String organisationId) {
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
