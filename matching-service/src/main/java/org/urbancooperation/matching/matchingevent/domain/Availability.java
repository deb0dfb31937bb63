package org.urbancooperation.matching.matchingevent.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A span of time in which a participant is free for meetings: from {@code startsAt} until {@code endsAt}. The
 * participant checks it (naming {@code availability[i].startsAt}); here only cut to the millisecond the store keeps.
 */
public record Availability(Instant startsAt, Instant endsAt) {

    public Availability {
        startsAt = startsAt == null ? null : startsAt.truncatedTo(ChronoUnit.MILLIS);
        endsAt = endsAt == null ? null : endsAt.truncatedTo(ChronoUnit.MILLIS);
    }
}
