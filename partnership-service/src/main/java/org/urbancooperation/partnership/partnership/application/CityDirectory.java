package org.urbancooperation.partnership.partnership.application;

import java.util.Optional;

/** The cities of {@code /api/v1/cities}, as partnerships name them by id (a port: the city feature owns them). */
public interface CityDirectory {

    Optional<KnownCity> find(String cityId);

    /** What a partnership copies of a city: its English name, country (ISO 3166-1 alpha-2) and IANA time zone. */
    record KnownCity(String id, String name, String countryCode, String timeZone) {
    }
}
