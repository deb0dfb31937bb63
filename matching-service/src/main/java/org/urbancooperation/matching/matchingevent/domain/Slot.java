package org.urbancooperation.matching.matchingevent.domain;

import java.time.Instant;

/** One 1:1 meeting slot of a matching event, numbered from 1 in time order. */
public record Slot(int number, Instant startsAt, Instant endsAt) {
}
