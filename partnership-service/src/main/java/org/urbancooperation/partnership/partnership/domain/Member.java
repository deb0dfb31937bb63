package org.urbancooperation.partnership.partnership.domain;

import java.util.List;

import org.urbancooperation.support.domain.Require;

/**
 * A member organisation of a partnership, in which of its cities and for which of its themes, as the seed lists its
 * thematic stakeholders: FREA in Koriyama for renewable energy, EWG in Essen for medical devices.
 *
 * @param cityId the partnership's city the organisation works in (an id at {@code /api/v1/cities}); null when the
 *        partnership names its cities inline or the city is not recorded
 */
public record Member(String organisationId, String cityId, List<String> themes) {

    public Member {
        Require.slugShape("organisationId", organisationId);
        if (cityId != null) {
            Require.slugShape("cityId", cityId);
        }
        themes = List.copyOf(themes == null ? List.of() : themes);
    }
}
