package org.urbancooperation.matching.meeting.domain;

/** Where a B2B meeting stands: scheduled until it is held, missed or cancelled. */
public enum MeetingStatus {
    SCHEDULED,
    HELD,
    NO_SHOW,
    CANCELLED;

    public boolean isFinal() {
        return this != SCHEDULED;
    }
}
