package org.urbancooperation.partnership.city.application;

import java.util.List;
import java.util.Map;

import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.partnership.city.domain.City;
import org.urbancooperation.partnership.city.domain.CityChanges;
import org.urbancooperation.partnership.city.domain.CityEvent;
import org.urbancooperation.partnership.city.domain.ClimateCommitment;
import org.urbancooperation.partnership.city.domain.ClimateCommitmentKind;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.Caller;

/**
 * The city use cases. Operators register and change cities; anybody, also without an identity, reads them (a city
 * holds nothing that is not public).
 */
public class CityService {

    public record Registration(String id, Map<String, String> names, String countryCode, String region,
            String timeZone, List<ClimateCommitment.Input> climateCommitments) {
    }

    private final CityRepository cities;

    public CityService(CityRepository cities) {
        this.cities = cities;
    }

    public Versioned<City> register(Caller caller, Registration registration) {
        Access.requireRole(caller, Role.OPERATOR);
        return cities.insert(City.register(registration.id(), registration.names(), registration.countryCode(),
                registration.region(), registration.timeZone(), registration.climateCommitments()));
    }

    /**
     * Applies a merge patch to the version the caller expects. A patch that changes nothing writes nothing and
     * returns the city as it is (same version).
     */
    public Versioned<City> change(Caller caller, String id, CityChanges changes, ExpectedVersion expected) {
        Access.requireRole(caller, Role.OPERATOR);
        Versioned<City> current = get(id);
        expected.check("City " + id, current.version());
        ResultWithEvents<City, CityEvent> changed = current.aggregate().change(changes);
        if (changed.events().isEmpty()) {
            return current;
        }
        return cities.update(changed, current.version(), expected);
    }

    public Versioned<City> get(String id) {
        return cities.find(id).orElseThrow(() -> new NotFoundException("City", id));
    }

    /**
     * @param country ISO 3166-1 alpha-2, or null for all
     * @param commitment a {@link ClimateCommitmentKind} name, or null for all
     */
    public Page<Versioned<City>> list(String country, String commitment, PageRequest request) {
        if (country != null && !City.isCountryCode(country)) {
            throw new InvalidValueException("country", "country must be an ISO 3166-1 alpha-2 code such as DE or JP");
        }
        ClimateCommitmentKind kind = commitment == null ? null : ClimateCommitmentKind.parse("commitment", commitment);
        return cities.page(country, kind, request);
    }
}
