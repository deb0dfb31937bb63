package org.urbancooperation.partnership.organisation.domain;

import java.util.List;

/** What happens to an organisation; the application publishes each as an integration event (never its contacts). */
public sealed interface OrganisationEvent {

    record Registered(Organisation organisation) implements OrganisationEvent {
    }

    /** @param changedFields the public fields this change set; never {@code contacts} */
    record Changed(Organisation organisation, List<String> changedFields) implements OrganisationEvent {
    }
}
