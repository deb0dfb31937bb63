package org.urbancooperation.partnership.partnership.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.partnership.partnership.domain.PartnerCity;
import org.urbancooperation.partnership.partnership.domain.Partnership;
import org.urbancooperation.partnership.partnership.domain.PartnershipEvent;
import org.urbancooperation.partnership.partnership.domain.PartnershipKind;
import org.urbancooperation.partnership.partnership.domain.PartnershipStatus;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.UnknownReferenceException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.AccessDeniedException;
import org.urbancooperation.support.security.Caller;

/**
 * The partnership use cases: load, decide who may, let the domain decide the rest, check what the change refers to
 * exists, store state and events in one write.
 * <ul>
 * <li>Reading: operators and partners read every partnership; businesses and anonymous callers read ACTIVE ones only
 * (others do not exist for them: 404). Focal-point contacts: operators and staff of member organisations only.</li>
 * <li>Establishing: operators, or a partner that lists its own organisation as a member (as before).</li>
 * <li>Changing names, description, kind, programme, networks, cities, themes and the status: operators. Members and
 * focal-point contacts: operators and staff of member organisations. Agreements: the same (as before).</li>
 * </ul>
 */
public class PartnershipService {

    public record CityInput(String name, String countryCode, String timeZone) {
    }

    /** A new partnership as a request gives it. {@code cities} (inline) or {@code cityIds}, not both. */
    public record Establish(String name, Map<String, String> names, Map<String, String> description,
            PartnershipKind kind, PartnershipStatus status, String programmeId, List<String> networks,
            List<CityInput> cities, List<String> cityIds, List<String> themes, LocalDate establishedOn,
            List<String> partnerOrganisations, List<Partnership.MemberInput> members,
            List<Partnership.ContactInput> focalPointContacts) {
    }

    /** A change as a request gives it: null fields stay as they are. */
    public record Change(Map<String, String> names, Map<String, String> description, PartnershipKind kind,
            String programmeId, List<String> networks, List<CityInput> cities, List<String> cityIds,
            List<String> themes, List<Partnership.MemberInput> members,
            List<Partnership.ContactInput> focalPointContacts) {

        boolean changesOperatorFields() {
            return names != null || description != null || kind != null || programmeId != null || networks != null
                    || cities != null || cityIds != null || themes != null;
        }
    }

    /** A partnership as one caller sees it: without focal-point contacts unless it may see them. */
    public record View(Versioned<Partnership> partnership, boolean contactsVisible) {
    }

    private final PartnershipRepository partnerships;
    private final CityDirectory cities;
    private final OrganisationDirectory organisations;
    private final ProgrammeCatalogue programmes;
    private final Clock clock;
    private final Runnable statusesChanged;

    /** @param statusesChanged told after a partnership was established or moved (e.g. to count again) */
    public PartnershipService(PartnershipRepository partnerships, CityDirectory cities,
            OrganisationDirectory organisations, ProgrammeCatalogue programmes, Clock clock, Runnable statusesChanged) {
        this.partnerships = partnerships;
        this.cities = cities;
        this.organisations = organisations;
        this.programmes = programmes;
        this.clock = clock;
        this.statusesChanged = statusesChanged;
    }

    public View establish(Caller caller, Establish e) {
        Access.requireRole(caller, Role.OPERATOR, Role.PARTNER);
        if (!caller.isOperator() && caller.organisationId().filter(own -> listsOrganisation(e, own)).isEmpty()) {
            throw new AccessDeniedException("a partner establishes partnerships of its own organisation only;"
                    + " list it in members or partnerOrganisations");
        }
        List<PartnerCity> resolved = resolveCities(e.cities(), e.cityIds(), true);
        Set<String> programmeNetworks = e.programmeId() == null ? null : networksOf(e.programmeId());
        ResultWithEvents<Partnership, PartnershipEvent> established = Partnership.establish(UUID.randomUUID(),
                new Partnership.Proposal(e.name(), e.names(), e.description(), e.kind(), e.status(), e.programmeId(),
                        programmeNetworks, e.networks(), resolved, e.themes(), e.establishedOn(), e.members(),
                        e.partnerOrganisations(), e.focalPointContacts()));
        requireKnownMembers(e.members());
        View created = view(caller, partnerships.insert(established));
        statusesChanged.run();
        return created;
    }

    public View change(Caller caller, UUID id, Change c, ExpectedVersion expected) {
        Access.requireRole(caller, Role.OPERATOR, Role.PARTNER);
        Versioned<Partnership> current = get(id);
        if (c.changesOperatorFields()) {
            if (!caller.isOperator()) {
                throw new AccessDeniedException("only operators change a partnership's names, description, kind,"
                        + " programme, networks, cities and themes; member organisations change members and"
                        + " focal-point contacts");
            }
        } else {
            Access.requireOperatorOrMemberOf(caller, current.aggregate().partnerOrganisations(), "Partnership " + id);
        }
        expected.check("Partnership " + id, current.version());
        List<PartnerCity> resolved = c.cities() == null && c.cityIds() == null ? null
                : resolveCities(c.cities(), c.cityIds(), false);
        String programme = c.programmeId() != null ? c.programmeId() : current.aggregate().programmeId();
        Set<String> programmeNetworks = programme == null ? null
                : c.programmeId() != null ? networksOf(c.programmeId())
                : programmes.networksOf(programme).orElse(null);
        ResultWithEvents<Partnership, PartnershipEvent> changed = current.aggregate().change(new Partnership.Changes(
                c.names(), c.description(), c.kind(), c.programmeId(), programmeNetworks, c.networks(), resolved,
                c.themes(), c.members(), c.focalPointContacts()));
        if (changed.events().isEmpty()) {
            return view(caller, current);
        }
        requireKnownMembers(c.members());
        return view(caller, partnerships.update(changed, current.version(), expected));
    }

    /** Operators move partnerships in their lifecycle. */
    public View changeStatus(Caller caller, UUID id, PartnershipStatus target, String reason,
            ExpectedVersion expected) {
        Access.requireRole(caller, Role.OPERATOR);
        Versioned<Partnership> current = get(id);
        expected.check("Partnership " + id, current.version());
        ResultWithEvents<Partnership, PartnershipEvent> moved =
                current.aggregate().changeStatus(target, reason, clock.instant());
        View view = view(caller, partnerships.update(moved, current.version(), expected));
        statusesChanged.run();
        return view;
    }

    public View signAgreement(Caller caller, UUID partnershipId, Partnership.AgreementInput agreement,
            ExpectedVersion expected) {
        Versioned<Partnership> current = get(partnershipId);
        Access.requireOperatorOrMemberOf(caller, current.aggregate().partnerOrganisations(),
                "Partnership " + partnershipId);
        expected.check("Partnership " + partnershipId, current.version());
        ResultWithEvents<Partnership, PartnershipEvent> signed =
                current.aggregate().signAgreement(UUID.randomUUID(), agreement);
        String city = agreement.signedAtCityId();
        if (city != null && cities.find(city).isEmpty()) {
            throw new UnknownReferenceException("signedAtCityId", "city " + city + " is not registered at"
                    + " /api/v1/cities");
        }
        if (agreement.signatories() != null) {
            for (int i = 0; i < agreement.signatories().size(); i++) {
                String organisation = agreement.signatories().get(i).organisationId();
                if (organisation != null && !organisations.exists(organisation)) {
                    throw new UnknownReferenceException("signatories[" + i + "].organisationId", "organisation "
                            + organisation + " is not registered at /api/v1/organisations");
                }
            }
        }
        return view(caller, partnerships.update(signed, current.version(), expected));
    }

    /** A partnership as {@code caller} may see it. */
    public View read(Caller caller, UUID id) {
        Versioned<Partnership> found = get(id);
        if (!mayRead(caller, found.aggregate())) {
            throw new NotFoundException("Partnership", id);
        }
        return view(caller, found);
    }

    /** A page of the partnerships {@code filter} matches that {@code caller} may see. */
    public Page<View> list(Caller caller, PartnershipFilter filter, PageRequest request) {
        PartnershipFilter visible = filter;
        if (!caller.isOperator() && !caller.is(Role.PARTNER)) {
            if (filter.status() != null && filter.status() != PartnershipStatus.ACTIVE) {
                return new Page<>(List.of(), null);
            }
            visible = filter.withStatus(PartnershipStatus.ACTIVE);
        }
        return partnerships.page(visible, request).map(v -> view(caller, v));
    }

    /** The stored partnership, whoever asks (for other use cases of this service). */
    public Versioned<Partnership> get(UUID id) {
        return partnerships.find(id).orElseThrow(() -> new NotFoundException("Partnership", id));
    }

    public Map<PartnershipStatus, Long> countByStatus() {
        return partnerships.countByStatus();
    }

    private static boolean mayRead(Caller caller, Partnership p) {
        return caller.isOperator() || caller.is(Role.PARTNER) || p.isVisibleToEveryone();
    }

    private static View view(Caller caller, Versioned<Partnership> v) {
        boolean contacts = caller.isOperator() || (caller.is(Role.PARTNER)
                && caller.organisationId().filter(v.aggregate().partnerOrganisations()::contains).isPresent());
        return contacts ? new View(v, true)
                : new View(new Versioned<>(v.aggregate().withoutContacts(), v.version()), false);
    }

    private static boolean listsOrganisation(Establish e, String organisation) {
        return (e.partnerOrganisations() != null && e.partnerOrganisations().contains(organisation))
                || (e.members() != null && e.members().stream()
                        .anyMatch(m -> m != null && organisation.equals(m.organisationId())));
    }

    private Set<String> networksOf(String programmeId) {
        Require.slug("programmeId", programmeId, "iurc");
        return programmes.networksOf(programmeId).orElseThrow(() -> new UnknownReferenceException("programmeId",
                "programme " + programmeId + " is not registered at /api/v1/programmes"));
    }

    /** Inline cities are checked here with the domain's rules; cities by id are looked up (422 when unknown). */
    private List<PartnerCity> resolveCities(List<CityInput> inline, List<String> ids, boolean required) {
        // Either field would do, so a refusal names both.
        if (inline != null && ids != null) {
            throw InvalidValueException.between("cityIds", "cities", "give the cities either inline (cities) or by id"
                    + " (cityIds), not both");
        }
        if (required && inline == null && ids == null) {
            throw InvalidValueException.between("cities", "cityIds", "cities or cityIds is required: the"
                    + " partnership's cities inline, or their ids at /api/v1/cities");
        }
        if (ids == null) {
            List<CityInput> given = inline;
            return Require.each("cities", Require.size("cities", given, 2, Partnership.MAX_CITIES),
                    (path, c) -> Require.within(path, () -> PartnerCity.of(c.name(), c.countryCode(), c.timeZone())));
        }
        List<String> checked = Require.each("cityIds", Require.size("cityIds", ids, 2, Partnership.MAX_CITIES),
                (path, id) -> Require.slug(path, id, "koriyama"));
        Set<String> seen = new HashSet<>();
        List<PartnerCity> resolved = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            String path = "cityIds[" + i + "]";
            String id = checked.get(i);
            if (!seen.add(id)) {
                throw new InvalidValueException(path, id + " is listed twice");
            }
            CityDirectory.KnownCity city = cities.find(id).orElseThrow(() -> new UnknownReferenceException(
                    path, "city " + id + " is not registered at /api/v1/cities"));
            resolved.add(PartnerCity.known(city.id(), city.name(), city.countryCode(), city.timeZone()));
        }
        return resolved;
    }

    private void requireKnownMembers(List<Partnership.MemberInput> members) {
        if (members == null) {
            return;
        }
        for (int i = 0; i < members.size(); i++) {
            String organisation = members.get(i).organisationId();
            if (!organisations.exists(organisation)) {
                throw new UnknownReferenceException("members[" + i + "].organisationId", "organisation " + organisation
                        + " is not registered at /api/v1/organisations");
            }
        }
    }
}
