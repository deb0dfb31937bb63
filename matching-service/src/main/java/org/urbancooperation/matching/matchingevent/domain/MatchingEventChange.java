package org.urbancooperation.matching.matchingevent.domain;

/** What happens to a matching event; the application publishes each as an integration event. */
public sealed interface MatchingEventChange {

    record Opened(MatchingEvent matchingEvent) implements MatchingEventChange {
    }
}
