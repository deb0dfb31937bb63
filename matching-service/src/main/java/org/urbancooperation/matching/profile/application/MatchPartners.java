package org.urbancooperation.matching.profile.application;

/**
 * Whether two businesses are confirmed match partners (both accepted a match): the one relation, besides the
 * business itself and operators, that sees a profile's contacts.
 */
public interface MatchPartners {

    boolean areConfirmedPartners(String businessId, String otherBusinessId);
}
