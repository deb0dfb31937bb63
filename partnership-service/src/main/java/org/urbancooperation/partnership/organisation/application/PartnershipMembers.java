package org.urbancooperation.partnership.organisation.application;

import java.util.Set;

/** Which organisations work together: who may see an organisation's contacts. */
public interface PartnershipMembers {

    /** The organisations that are members of at least one partnership together with {@code organisationId}. */
    Set<String> partnersOf(String organisationId);
}
