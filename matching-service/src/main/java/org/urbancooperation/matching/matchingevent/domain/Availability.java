package org.urbancooperation.matching.matchingevent.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.urbancooperation.support.domain.Require;

/** A span of time in which a participant is free for meetings: from {@code startsAt} until {@code endsAt}. */
public record Availability(Instant startsAt, Instant endsAt) {

    public Availability {
        startsAt = Require.present("startsAt", startsAt).truncatedTo(ChronoUnit.MILLIS);
        endsAt = Require.present("endsAt", endsAt).truncatedTo(ChronoUnit.MILLIS);
    }
}
