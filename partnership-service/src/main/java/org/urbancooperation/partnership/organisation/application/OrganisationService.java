package org.urbancooperation.partnership.organisation.application;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.partnership.organisation.domain.Contact;
import org.urbancooperation.partnership.organisation.domain.Organisation;
import org.urbancooperation.partnership.organisation.domain.OrganisationChanges;
import org.urbancooperation.partnership.organisation.domain.OrganisationEvent;
import org.urbancooperation.partnership.organisation.domain.OrganisationKind;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.UnknownReferenceException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.Caller;

/**
 * The organisation use cases. Operators register and change organisations, contacts included (the issue gives
 * organisations to operators; an organisation's own staff ask the secretariat). Anybody reads them; the contacts
 * only operators, the organisation's own partner staff and partner staff of organisations that share a partnership
 * with it.
 */
public class OrganisationService {

    public record Registration(String id, Map<String, String> names, OrganisationKind kind, String homeCityId,
            List<String> themes, String website, List<Contact.Input> contacts) {
    }

    /** An organisation as one caller may see it: {@code withContacts} false means its contacts must not be shown. */
    public record Shown(Versioned<Organisation> organisation, boolean withContacts) {
    }

    private final OrganisationRepository organisations;
    private final KnownCities cities;
    private final PartnershipMembers members;

    public OrganisationService(OrganisationRepository organisations, KnownCities cities, PartnershipMembers members) {
        this.organisations = organisations;
        this.cities = cities;
        this.members = members;
    }

    public Shown register(Caller caller, Registration registration) {
        Access.requireRole(caller, Role.OPERATOR);
        ResultWithEvents<Organisation, OrganisationEvent> registered = Organisation.register(registration.id(),
                registration.names(), registration.kind(), registration.homeCityId(), registration.themes(),
                registration.website(), registration.contacts());
        requireKnownCity(registered.aggregate().homeCityId());
        return new Shown(organisations.insert(registered), true);
    }

    /** Applies a merge patch; a patch that changes nothing writes nothing and returns the same version. */
    public Shown change(Caller caller, String id, OrganisationChanges changes, ExpectedVersion expected) {
        Access.requireRole(caller, Role.OPERATOR);
        Versioned<Organisation> current = find(id);
        expected.check("Organisation " + id, current.version());
        ResultWithEvents<Organisation, OrganisationEvent> changed = current.aggregate().change(changes);
        if (changed.aggregate().equals(current.aggregate())) {
            return new Shown(current, true);
        }
        if (!changed.aggregate().homeCityId().equals(current.aggregate().homeCityId())) {
            requireKnownCity(changed.aggregate().homeCityId());
        }
        return new Shown(organisations.update(changed, current.version(), expected), true);
    }

    public Shown get(Caller caller, String id) {
        Versioned<Organisation> found = find(id);
        return new Shown(found, contactsVisibleTo(caller).test(id));
    }

    /**
     * @param kind an {@link OrganisationKind} name, or null for all
     * @param city a city id, or null for all
     * @param theme a theme slug, or null for all
     */
    public Page<Shown> list(Caller caller, String kind, String city, String theme, PageRequest request) {
        OrganisationKind checkedKind = kind == null ? null : OrganisationKind.parse("kind", kind);
        String checkedCity = city == null ? null : Require.slug("city", city, "koriyama");
        String checkedTheme = theme == null ? null : Require.slug("theme", theme, "renewable-energy");
        Page<Versioned<Organisation>> page = organisations.page(checkedKind, checkedCity, checkedTheme, request);
        Predicate<String> withContacts = page.items().isEmpty() ? id -> false : contactsVisibleTo(caller);
        return page.map(o -> new Shown(o, withContacts.test(o.aggregate().id())));
    }

    private Versioned<Organisation> find(String id) {
        return organisations.find(id).orElseThrow(() -> new NotFoundException("Organisation", id));
    }

    private void requireKnownCity(String cityId) {
        if (!cities.exists(cityId)) {
            throw new UnknownReferenceException("homeCityId", "homeCityId names no registered city (" + cityId
                    + "); register it at /api/v1/cities first");
        }
    }

    /** Operators; the organisation's own staff; staff of its partners in a partnership. Nobody else. */
    private Predicate<String> contactsVisibleTo(Caller caller) {
        if (caller.isOperator()) {
            return id -> true;
        }
        if (caller.is(Role.PARTNER) && caller.organisationId().isPresent()) {
            String own = caller.organisationId().get();
            Set<String> partners = members.partnersOf(own);
            return id -> id.equals(own) || partners.contains(id);
        }
        return id -> false;
    }
}
