package org.urbancooperation.events.calendar.application;

import java.time.Instant;
import java.util.Optional;

/** The personal feeds: at most one per participant, found by the SHA-256 of its token (the token is never stored). */
public interface FeedTokens {

    record Feed(String participant, Instant issuedAt) {
    }

    /** @return false when the participant has a feed already (theirs is kept) */
    boolean insertIfAbsent(String participant, String tokenHash, Instant issuedAt);

    Optional<Feed> ofParticipant(String participant);

    Optional<Feed> byTokenHash(String tokenHash);

    /** @return whether there was one */
    boolean delete(String participant);
}
