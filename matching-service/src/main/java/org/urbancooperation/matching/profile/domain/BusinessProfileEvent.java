package org.urbancooperation.matching.profile.domain;

/** What happens to a business profile; the application publishes each as an integration event, without contacts. */
public sealed interface BusinessProfileEvent {

    record Registered(BusinessProfile profile) implements BusinessProfileEvent {
    }

    record Changed(BusinessProfile profile) implements BusinessProfileEvent {
    }
}
