package org.urbancooperation.matching.opportunity.application;

/** The businesses with a profile: an opportunity belongs to one of them. */
public interface KnownBusinesses {

    boolean hasProfile(String businessId);
}
