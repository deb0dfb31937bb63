package org.urbancooperation.partnership.organisation.domain;

import java.util.List;
import java.util.Map;

import org.urbancooperation.support.domain.Patched;

/**
 * A JSON merge patch of an organisation (RFC 7396). {@code names} merges by language (null removes one; {@code en}
 * stays required); {@code themes} and {@code contacts} replace the whole list (null: none); {@code website} null
 * removes it; {@code kind} and {@code homeCityId} cannot be removed. The id never changes.
 */
public record OrganisationChanges(
        Patched<Map<String, String>> names,
        Patched<OrganisationKind> kind,
        Patched<String> homeCityId,
        Patched<List<String>> themes,
        Patched<String> website,
        Patched<List<Contact.Input>> contacts) {
}
