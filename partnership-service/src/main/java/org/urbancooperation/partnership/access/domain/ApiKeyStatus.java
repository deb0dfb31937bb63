package org.urbancooperation.partnership.access.domain;

/** A key is active until it is revoked; a revoked key never becomes active again. */
public enum ApiKeyStatus {
    ACTIVE,
    REVOKED
}
