package org.urbancooperation.partnership.partnership.domain;

/** What kind of cooperation a partnership is; the seed's Essen–Koriyama is a programme pilot project. */
public enum PartnershipKind {
    SISTER_CITY,
    FRIENDSHIP,
    THEMATIC_COOPERATION,
    PROGRAMME_PILOT_PROJECT
}
