package org.urbancooperation.partnership.partnership.domain;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * A city in a partnership, with the country it is in (ISO 3166-1 alpha-2, e.g. DE, JP) and the time
 * zone its people work in, so agendas can be shown in both cities' local times.
 *
 * @param cityId the city's id at {@code /api/v1/cities} when the partnership names it by id (its name, country and
 *        zone are then copied from there when the partnership is written); null for a city given inline
 */
public record PartnerCity(String cityId, String name, String countryCode, ZoneId timeZone) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public PartnerCity {
        if (cityId != null) {
            Require.slugShape("cityId", cityId);
        }
        name = Require.text("name", name, 100);
        Require.present("countryCode", countryCode);
        if (!COUNTRIES.contains(countryCode)) {
            throw new InvalidValueException("countryCode", countryCode + " is not an ISO 3166-1 alpha-2 country code");
        }
        Require.present("timeZone", timeZone);
    }

    public PartnerCity(String name, String countryCode, ZoneId timeZone) {
        this(null, name, countryCode, timeZone);
    }

    /** An ISO 3166-1 alpha-2 code such as DE or JP, e.g. of a list's {@code country} filter. */
    public static String countryCode(String field, String value) {
        if (value == null || !COUNTRIES.contains(value)) {
            throw new InvalidValueException(field, field + " must be an ISO 3166-1 alpha-2 country code such as DE or JP");
        }
        return value;
    }

    /** @throws InvalidValueException naming {@code timeZone} for anything that is not an IANA zone id */
    public static PartnerCity of(String name, String countryCode, String timeZone) {
        return new PartnerCity(null, Require.visibleText("name", name, 100), countryCode,
                Require.timeZone("timeZone", timeZone));
    }

    /** A city of {@code /api/v1/cities}, as that collection describes it. */
    public static PartnerCity known(String cityId, String name, String countryCode, String timeZone) {
        return new PartnerCity(cityId, name, countryCode, Require.timeZone("timeZone", timeZone));
    }
}
