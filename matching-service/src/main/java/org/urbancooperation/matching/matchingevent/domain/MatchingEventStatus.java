package org.urbancooperation.matching.matchingevent.domain;

/** Where a matching event is in its life; companies book meetings while it is open. */
public enum MatchingEventStatus {
    OPEN
}
