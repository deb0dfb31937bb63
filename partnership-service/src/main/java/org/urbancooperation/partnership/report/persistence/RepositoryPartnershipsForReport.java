package org.urbancooperation.partnership.report.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.partnership.city.application.CityRepository;
import org.urbancooperation.partnership.organisation.application.OrganisationRepository;
import org.urbancooperation.partnership.partnership.application.PartnershipFilter;
import org.urbancooperation.partnership.partnership.application.PartnershipRepository;
import org.urbancooperation.partnership.partnership.domain.Agreement;
import org.urbancooperation.partnership.partnership.domain.PartnerCity;
import org.urbancooperation.partnership.partnership.domain.Partnership;
import org.urbancooperation.partnership.programme.application.ProgrammeRepository;
import org.urbancooperation.partnership.report.application.PartnershipsForReport;
import org.urbancooperation.partnership.report.domain.ReportedPartnership;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/**
 * Partnerships for the report, through the partnership feature's repository, with the English names of their
 * programme, member organisations and agreements' cities from those features' repositories. Focal-point contacts and
 * organisations' contacts are never read into the report.
 */
public class RepositoryPartnershipsForReport implements PartnershipsForReport {

    private final PartnershipRepository partnerships;
    private final ProgrammeRepository programmes;
    private final OrganisationRepository organisations;
    private final CityRepository cities;

    public RepositoryPartnershipsForReport(PartnershipRepository partnerships, ProgrammeRepository programmes,
            OrganisationRepository organisations, CityRepository cities) {
        this.partnerships = partnerships;
        this.programmes = programmes;
        this.organisations = organisations;
        this.cities = cities;
    }

    @Override
    public Optional<ReportedPartnership> find(UUID id) {
        return partnerships.find(id).map(v -> reported(v.aggregate(), new Names()));
    }

    @Override
    public List<ReportedPartnership> ofProgramme(String programmeId) {
        PartnershipFilter filter = new PartnershipFilter(null, programmeId, null, null, null, null, null, null);
        List<ReportedPartnership> all = new ArrayList<>();
        Names names = new Names();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Versioned<Partnership>> page = partnerships.page(filter, request);
            page.items().forEach(v -> all.add(reported(v.aggregate(), names)));
            if (page.next() == null) {
                return all;
            }
            request = PageRequest.of(page.next(), PageRequest.MAX_LIMIT);
        }
    }

    private ReportedPartnership reported(Partnership p, Names names) {
        ReportedPartnership.ProgrammeRef programme = p.programmeId() == null ? null
                : new ReportedPartnership.ProgrammeRef(p.programmeId(), names.programme(p.programmeId()));
        List<ReportedPartnership.City> partnerCities = p.cities().stream()
                .map(c -> new ReportedPartnership.City(c.cityId(), c.name(), c.countryCode())).toList();
        List<ReportedPartnership.Member> members = p.members().stream()
                .map(m -> new ReportedPartnership.Member(m.organisationId(), names.organisation(m.organisationId()),
                        m.cityId(), m.themes()))
                .toList();
        List<ReportedPartnership.Agreement> agreements = p.agreements().stream()
                .map(a -> agreement(a, p.cities(), names)).toList();
        return new ReportedPartnership(p.id(), p.name(), p.names().values(), p.kind() == null ? null : p.kind().name(),
                p.status().name(), p.establishedOn(), programme, p.networks(), partnerCities, p.themes(), members,
                agreements, p.partnerOrganisations());
    }

    private static ReportedPartnership.Agreement agreement(Agreement a, List<PartnerCity> partnerCities,
            Names names) {
        String place = a.signedAtCityId() == null ? null : partnerCities.stream()
                .filter(c -> a.signedAtCityId().equals(c.cityId())).map(PartnerCity::name).findFirst()
                .orElseGet(() -> names.city(a.signedAtCityId()));
        return new ReportedPartnership.Agreement(a.id(), a.title(), a.kind() == null ? null : a.kind().name(),
                a.signedOn(), a.signedAtCityId(), place, a.signatories().stream()
                        .map(s -> new ReportedPartnership.Signatory(s.name(), s.title(), s.organisationId())).toList());
    }

    /** Names looked up once per report (a programme's partnerships share their organisations). */
    private final class Names {

        private final Map<String, Optional<Map<String, String>>> programmeNames = new HashMap<>();
        private final Map<String, Optional<String>> organisationNames = new HashMap<>();
        private final Map<String, Optional<String>> cityNames = new HashMap<>();

        Map<String, String> programme(String id) {
            return programmeNames.computeIfAbsent(id, key -> programmes.find(key)
                    .map(v -> v.aggregate().names().values())).orElse(null);
        }

        String organisation(String id) {
            return organisationNames.computeIfAbsent(id, key -> organisations.find(key)
                    .map(v -> v.aggregate().names().english())).orElse(null);
        }

        /** The city's English name, or its id when it is not registered. */
        String city(String id) {
            return cityNames.computeIfAbsent(id, key -> cities.find(key).map(v -> v.aggregate().names().english()))
                    .orElse(id);
        }
    }
}
