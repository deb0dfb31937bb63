package org.urbancooperation.partnership.partnership.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.support.domain.Require;

import org.urbancooperation.partnership.partnership.domain.PartnerCity;
import org.urbancooperation.partnership.partnership.domain.Partnership;
import org.urbancooperation.partnership.partnership.domain.PartnershipEvent;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.AccessDeniedException;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.contracts.identity.Role;

/** The partnership use cases: load, let the domain decide, store state and events in one write. */
public class PartnershipService {

    public record CityInput(String name, String countryCode, String timeZone) {
    }

    private final PartnershipRepository partnerships;

    public PartnershipService(PartnershipRepository partnerships) {
        this.partnerships = partnerships;
    }

    /** Operators establish any partnership; a partner only one its own organisation takes part in. */
    public Versioned<Partnership> establish(Caller caller, String name, List<CityInput> cities, List<String> themes,
            LocalDate establishedOn, List<String> partnerOrganisations) {
        Access.requireRole(caller, Role.OPERATOR, Role.PARTNER);
        List<String> organisations = partnerOrganisations == null ? List.of() : partnerOrganisations;
        if (!caller.isOperator() && caller.organisationId().filter(organisations::contains).isEmpty()) {
            throw new AccessDeniedException("a partner establishes partnerships of its own organisation only;"
                    + " list it in partnerOrganisations");
        }
        List<PartnerCity> partnerCities = Require.each("cities", cities,
                (path, c) -> Require.within(path, () -> PartnerCity.of(c.name(), c.countryCode(), c.timeZone())));
        return partnerships.insert(Partnership.establish(UUID.randomUUID(), name, partnerCities, themes, establishedOn,
                organisations));
    }

    public Versioned<Partnership> signAgreement(Caller caller, UUID partnershipId, String title, LocalDate signedOn,
            ExpectedVersion expected) {
        Versioned<Partnership> current = get(partnershipId);
        Access.requireOperatorOrMemberOf(caller, current.aggregate().partnerOrganisations(),
                "Partnership " + partnershipId);
        expected.check("Partnership " + partnershipId, current.version());
        ResultWithEvents<Partnership, PartnershipEvent> signed =
                current.aggregate().signAgreement(UUID.randomUUID(), title, signedOn);
        return partnerships.update(signed, current.version(), expected);
    }

    public Versioned<Partnership> get(UUID id) {
        return partnerships.find(id).orElseThrow(() -> new NotFoundException("Partnership", id));
    }

    public List<Versioned<Partnership>> list(String name, int offset, int limit) {
        return partnerships.list(name, offset, limit);
    }
}
