package org.urbancooperation.events.calendar.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.urbancooperation.events.calendar.domain.CalendarEntry;
import org.urbancooperation.events.calendar.domain.EventCalendar;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.Caller;

/**
 * Calendar feeds: an event's (public like the event: its own read decides who sees a draft, which has no entries
 * anyway), one session's, and each participant's personal feed behind an unguessable token, since calendar programs
 * cannot send credentials.
 */
public class CalendarService {

    /** A feed as a calendar program names it, with its entries. */
    public record Feed(String name, List<CalendarEntry> entries) {
    }

    /**
     * @param token the feed's secret, present only in the answer that created it (only its hash is stored)
     */
    public record PersonalFeed(FeedTokens.Feed feed, String token) {

        public boolean created() {
            return token != null;
        }
    }

    /** 32 random bytes, base64url without padding: 43 characters. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarEvents cooperationEvents;
    private final FeedTokens feeds;
    private final List<PersonalCalendarEntries> personalSources;
    private final Clock clock;

    public CalendarService(CalendarEvents cooperationEvents, FeedTokens feeds,
            List<PersonalCalendarEntries> personalSources, Clock clock) {
        this.cooperationEvents = cooperationEvents;
        this.feeds = feeds;
        this.personalSources = List.copyOf(personalSources);
        this.clock = clock;
    }

    public Feed ofEvent(Caller caller, UUID eventId) {
        Versioned<CooperationEvent> found = cooperationEvents.visibleTo(caller, eventId);
        return new Feed(found.aggregate().title(), EventCalendar.entriesOf(found.aggregate(), found.version()));
    }

    /** @throws NotFoundException for a session never published in the event's agenda */
    public Feed ofSession(Caller caller, UUID eventId, UUID sessionId) {
        Versioned<CooperationEvent> found = cooperationEvents.visibleTo(caller, eventId);
        CalendarEntry entry = EventCalendar.sessionEntry(found.aggregate(), sessionId)
                .orElseThrow(() -> new NotFoundException("Session", sessionId));
        return new Feed(entry.summary(), List.of(entry));
    }

    /**
     * The caller's feed: a new one with its token, or the existing one without (its token was shown once). It records
     * the caller's business, whose B2B meetings the feed lists.
     */
    public PersonalFeed issue(Caller caller) {
        String participant = participant(caller);
        String businessId = caller.identity().orElseThrow().businessId();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        if (feeds.insertIfAbsent(participant, businessId, hash(token), clock.instant())) {
            return new PersonalFeed(feeds.ofParticipant(participant).orElseThrow(), token);
        }
        // Another request created it meanwhile, or an earlier one did: theirs stays valid. A feed issued before
        // feeds recorded the caller's business learns it now, and lists the business's meetings from then on.
        FeedTokens.Feed existing = feeds.ofParticipant(participant).orElseThrow();
        if (businessId != null && !businessId.equals(existing.businessId())) {
            feeds.recordBusiness(participant, businessId);
            existing = feeds.ofParticipant(participant).orElseThrow();
        }
        return new PersonalFeed(existing, null);
    }

    /** Revokes the caller's feed: its URL answers 404 from now on, and the next issue makes a new token. */
    public void revoke(Caller caller) {
        String participant = participant(caller);
        if (!feeds.delete(participant)) {
            throw new NotFoundException("Calendar feed of", participant);
        }
    }

    /** @throws NotFoundException for a token that is not a feed's (unknown, revoked, or not even shaped like one) */
    public Feed personal(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new NotFoundException("Calendar feed", "token");
        }
        FeedTokens.Feed feed = feeds.byTokenHash(hash(token))
                .orElseThrow(() -> new NotFoundException("Calendar feed", "token"));
        List<CalendarEntry> entries = personalSources.stream()
                .flatMap(source -> source.entriesOf(feed).stream()).toList();
        return new Feed("Urban Cooperation Platform", entries);
    }

    private static String participant(Caller caller) {
        Access.requireAuthenticated(caller);
        return caller.identity().orElseThrow().subject();
    }

    /** A fast hash is enough: the token is 256 random bits, not a password. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
