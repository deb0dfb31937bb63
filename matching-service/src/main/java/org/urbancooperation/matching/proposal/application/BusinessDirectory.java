package org.urbancooperation.matching.proposal.application;

import java.util.Optional;
import java.util.function.Consumer;

import org.urbancooperation.matching.profile.domain.BusinessProfile;
import org.urbancooperation.support.application.Versioned;

/** The business profiles as stored: the memory of businesses starts from them, and proposals show their public part. */
public interface BusinessDirectory {

    Optional<Versioned<BusinessProfile>> find(String businessId);

    /** Every profile with its version. */
    void forEach(Consumer<Versioned<BusinessProfile>> action);
}
