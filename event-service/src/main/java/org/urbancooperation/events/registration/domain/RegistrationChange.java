package org.urbancooperation.events.registration.domain;

/** What a command on an event's registrations changed, one registration each. */
public sealed interface RegistrationChange {

    Registration registration();

    record Confirmed(Registration registration) implements RegistrationChange {
    }

    record Waitlisted(Registration registration, int position) implements RegistrationChange {
    }

    /** @param heldPlace it was CONFIRMED (a place freed), not WAITLISTED */
    record Withdrawn(Registration registration, boolean heldPlace) implements RegistrationChange {
    }

    /**
     * A place freed and this waitlisted registration, the first that fits, took it.
     *
     * @param position where it stood in line (1: first)
     */
    record Promoted(Registration registration, int position) implements RegistrationChange {
    }

    record AttendanceRecorded(Registration registration) implements RegistrationChange {
    }

    /** The event was cancelled or postponed: the registrant must be told. */
    record Affected(Registration registration, EventChangeReason reason) implements RegistrationChange {
    }

    enum EventChangeReason {
        CANCELLED, POSTPONED
    }
}
