package org.urbancooperation.matching.profile.application;

import java.util.function.Predicate;

import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.matching.profile.domain.BusinessProfile;
import org.urbancooperation.matching.profile.domain.BusinessProfileEvent;
import org.urbancooperation.matching.shared.domain.Countries;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.AccessDeniedException;
import org.urbancooperation.support.security.Caller;

/**
 * The business profile use cases. A business registers and changes its own profile (its id is the business role's
 * id), operators any. Every authenticated caller reads profiles; the contacts only the business itself, operators
 * and a confirmed match partner.
 */
public class BusinessProfileService {

    /** A profile as one caller may see it: {@code withContacts} false means its contacts must not be shown. */
    public record Shown(Versioned<BusinessProfile> profile, boolean withContacts) {
    }

    private final BusinessProfileRepository profiles;
    private final MatchPartners partners;

    public BusinessProfileService(BusinessProfileRepository profiles, MatchPartners partners) {
        this.profiles = profiles;
        this.partners = partners;
    }

    /** A business registers its own profile, under its own id; operators any. */
    public Shown register(Caller caller, String id, BusinessProfile.Input input) {
        Access.requireRole(caller, Role.OPERATOR, Role.BUSINESS);
        ResultWithEvents<BusinessProfile, BusinessProfileEvent> registered = BusinessProfile.register(id, input);
        if (!caller.isOperator() && !caller.businessId().filter(id::equals).isPresent()) {
            throw new AccessDeniedException("A business registers only its own profile, under its own id");
        }
        return new Shown(profiles.insert(registered), true);
    }

    /** Replaces the profile (the business itself, operators; 404 for others); the same content writes nothing. */
    public Shown revise(Caller caller, String id, BusinessProfile.Input input, ExpectedVersion expected) {
        Access.requireAuthenticated(caller);
        Access.requireOperatorOrOwner(caller, id, "Business profile", id);
        Versioned<BusinessProfile> current = find(id);
        expected.check("Business profile " + id, current.version());
        ResultWithEvents<BusinessProfile, BusinessProfileEvent> revised = current.aggregate().revise(input);
        if (revised.events().isEmpty()) {
            return new Shown(current, true);
        }
        return new Shown(profiles.update(revised, current.version(), expected), true);
    }

    public Shown get(Caller caller, String id) {
        Access.requireAuthenticated(caller);
        return new Shown(find(id), contactsVisibleTo(caller).test(id));
    }

    /** Filters as the query gives them (null for any); a bad value is refused naming its parameter. */
    public Page<Shown> list(Caller caller, String sector, String subsector, String country, PageRequest request) {
        Access.requireAuthenticated(caller);
        Sector s = sector == null ? null : Sector.parse("sector", sector);
        Subsector sub = subsector == null ? null : Subsector.parse("subsector", subsector);
        String c = country == null ? null : Countries.code("country", country);
        Predicate<String> withContacts = contactsVisibleTo(caller);
        return profiles.page(s, sub, c, request).map(p -> new Shown(p, withContacts.test(p.aggregate().id())));
    }

    private Versioned<BusinessProfile> find(String id) {
        return profiles.find(id).orElseThrow(() -> new NotFoundException("Business profile", id));
    }

    /** Operators; the business itself; a business it has a confirmed match with. Nobody else. */
    private Predicate<String> contactsVisibleTo(Caller caller) {
        if (caller.isOperator()) {
            return id -> true;
        }
        if (caller.is(Role.BUSINESS) && caller.businessId().isPresent()) {
            String own = caller.businessId().get();
            return id -> id.equals(own) || partners.areConfirmedPartners(own, id);
        }
        return id -> false;
    }
}
