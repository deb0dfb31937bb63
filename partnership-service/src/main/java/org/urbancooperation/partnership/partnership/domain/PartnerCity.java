package org.urbancooperation.partnership.partnership.domain;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * A city in a partnership, with the country it is in (ISO 3166-1 alpha-2, e.g. DE, JP) and the time
 * zone its people work in, so agendas can be shown in both cities' local times.
 */
public record PartnerCity(String name, String countryCode, ZoneId timeZone) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public PartnerCity {
        name = Require.text("name", name, 100);
        Require.present("countryCode", countryCode);
        if (!COUNTRIES.contains(countryCode)) {
            throw new InvalidValueException("countryCode", countryCode + " is not an ISO 3166-1 alpha-2 country code");
        }
        Require.present("timeZone", timeZone);
    }

    /** @throws InvalidValueException naming {@code timeZone} for anything that is not an IANA zone id */
    public static PartnerCity of(String name, String countryCode, String timeZone) {
        return new PartnerCity(Require.visibleText("name", name, 100), countryCode, Require.timeZone("timeZone", timeZone));
    }
}
