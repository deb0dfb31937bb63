package org.urbancooperation.partnership.access.domain;

/** What happens to an API key; the application publishes each as an integration event. */
public sealed interface ApiKeyEvent {

    record Issued(ApiKey key) implements ApiKeyEvent {
    }

    record Revoked(ApiKey key) implements ApiKeyEvent {
    }
}
