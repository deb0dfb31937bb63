package org.urbancooperation.events.cooperationevent.application;

/** Ids this service has heard of from another service's integration events (organisations, programmes). */
public interface ReferenceDirectory {

    /** Waits a bounded while for an id registered a moment ago; false when it is still unknown. */
    boolean isKnown(String id);
}
