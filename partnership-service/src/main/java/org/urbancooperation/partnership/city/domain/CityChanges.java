package org.urbancooperation.partnership.city.domain;

import java.util.List;
import java.util.Map;

import org.urbancooperation.support.domain.Patched;

/**
 * A JSON merge patch of a city's changeable fields (RFC 7396). {@code names} merges by language: a language with a
 * text sets it, one with null removes it ({@code en} cannot be removed). {@code climateCommitments} replaces the
 * whole list (null: none). {@code region} null removes it. {@code countryCode} and {@code timeZone} cannot be removed.
 * The id never changes.
 */
public record CityChanges(
        Patched<Map<String, String>> names,
        Patched<String> countryCode,
        Patched<String> region,
        Patched<String> timeZone,
        Patched<List<ClimateCommitment.Input>> climateCommitments) {
}
