package org.urbancooperation.events.cooperationevent.domain;

/** How people take part: at a venue, online, or both (a venue and an online link). */
public enum EventFormat {
    IN_PERSON,
    ONLINE,
    HYBRID
}
