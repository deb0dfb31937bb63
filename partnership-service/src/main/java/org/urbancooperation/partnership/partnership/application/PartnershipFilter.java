package org.urbancooperation.partnership.partnership.application;

import org.urbancooperation.partnership.partnership.domain.PartnershipStatus;

/**
 * Which partnerships a list shows: each given value is an exact match, all of them combined (AND); null: any.
 *
 * @param country ISO 3166-1 alpha-2 code of one of its cities
 * @param city the id of one of its cities
 * @param organisation one of its member organisations
 */
public record PartnershipFilter(String name, String programme, String theme, String network, String country,
        String city, PartnershipStatus status, String organisation) {

    public static PartnershipFilter none() {
        return new PartnershipFilter(null, null, null, null, null, null, null, null);
    }

    public PartnershipFilter withStatus(PartnershipStatus only) {
        return new PartnershipFilter(name, programme, theme, network, country, city, only, organisation);
    }
}
