package org.urbancooperation.events.calendar.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Calendar business metrics: {@code ucp.calendar.feeds.served} by kind (event, session, personal; 304 answers
 * included, since a polling calendar program is a reader too), {@code ucp.calendar.tokens.issued},
 * {@code ucp.calendar.tokens.revoked}, and {@code ucp.calendar.tokens.unknown}: personal feed requests whose token
 * is no feed's (revoked ones still polled by a calendar program, or guesses).
 */
public class CalendarMetrics {

    private final Counter eventFeeds;
    private final Counter sessionFeeds;
    private final Counter personalFeeds;
    private final Counter issued;
    private final Counter revoked;
    private final Counter unknown;

    public CalendarMetrics(MeterRegistry meters) {
        eventFeeds = served(meters, "event");
        sessionFeeds = served(meters, "session");
        personalFeeds = served(meters, "personal");
        issued = Counter.builder("ucp.calendar.tokens.issued").description("Personal calendar feed tokens issued")
                .register(meters);
        revoked = Counter.builder("ucp.calendar.tokens.revoked").description("Personal calendar feeds revoked")
                .register(meters);
        unknown = Counter.builder("ucp.calendar.tokens.unknown").description("Personal calendar feed requests "
                + "with an unknown or revoked token").register(meters);
    }

    void eventFeedServed() {
        eventFeeds.increment();
    }

    void sessionFeedServed() {
        sessionFeeds.increment();
    }

    void personalFeedServed() {
        personalFeeds.increment();
    }

    void tokenIssued() {
        issued.increment();
    }

    void tokenRevoked() {
        revoked.increment();
    }

    void unknownToken() {
        unknown.increment();
    }

    private static Counter served(MeterRegistry meters, String kind) {
        return Counter.builder("ucp.calendar.feeds.served").description("Calendar feeds (.ics) served")
                .tag("kind", kind).register(meters);
    }
}
