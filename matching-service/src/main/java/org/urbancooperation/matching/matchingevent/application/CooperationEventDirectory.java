package org.urbancooperation.matching.matchingevent.application;

import java.util.UUID;

/** The cooperation events (event-service) this service has heard of; a matching event may be held at one. */
public interface CooperationEventDirectory {

    boolean isKnown(UUID cooperationEventId);
}
