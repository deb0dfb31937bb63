package org.urbancooperation.events.registration.domain;

/** What a participant comes as. */
public enum RegistrationRole {
    SPEAKER, DELEGATE, ATTENDEE, PRESS, EXHIBITOR
}
