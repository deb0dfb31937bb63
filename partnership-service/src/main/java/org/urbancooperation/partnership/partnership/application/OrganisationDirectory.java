package org.urbancooperation.partnership.partnership.application;

/** The organisations of {@code /api/v1/organisations} (a port: the organisation feature owns them). */
public interface OrganisationDirectory {

    boolean exists(String organisationId);
}
