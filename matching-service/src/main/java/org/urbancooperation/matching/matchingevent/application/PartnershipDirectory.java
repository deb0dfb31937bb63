package org.urbancooperation.matching.matchingevent.application;

import java.util.UUID;

/** The partnerships this service has heard of; matching events may only belong to one of them. */
public interface PartnershipDirectory {

    boolean exists(UUID partnershipId);
}
