package org.urbancooperation.events.registration.domain;

/** CONFIRMED holds a place; WAITLISTED waits for one, first come first served; CANCELLED holds nothing. */
public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}
