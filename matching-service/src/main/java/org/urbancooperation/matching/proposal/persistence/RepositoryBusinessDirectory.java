package org.urbancooperation.matching.proposal.persistence;

import java.util.Optional;
import java.util.function.Consumer;

import org.urbancooperation.matching.profile.application.BusinessProfileRepository;
import org.urbancooperation.matching.profile.domain.BusinessProfile;
import org.urbancooperation.matching.proposal.application.BusinessDirectory;
import org.urbancooperation.support.application.Versioned;

/**
 * The engine's view of business profiles, read through the profile feature's repository interface (an adapter may use
 * another feature's port; the application never does).
 */
public class RepositoryBusinessDirectory implements BusinessDirectory {

    private final BusinessProfileRepository profiles;

    public RepositoryBusinessDirectory(BusinessProfileRepository profiles) {
        this.profiles = profiles;
    }

    @Override
    public Optional<Versioned<BusinessProfile>> find(String businessId) {
        return profiles.find(businessId);
    }

    @Override
    public void forEach(Consumer<Versioned<BusinessProfile>> action) {
        profiles.forEach(action);
    }
}
