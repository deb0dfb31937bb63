package org.urbancooperation.events.calendar.application;

import java.time.Instant;
import java.util.Optional;

/** The personal feeds: at most one per participant, found by the SHA-256 of its token (the token is never stored). */
public interface FeedTokens {

    /**
     * @param businessId the business of the caller it was issued to, whose B2B meetings it lists; null for callers
     *        of no business, and for feeds issued before feeds recorded it (they list no meetings)
     */
    record Feed(String participant, String businessId, Instant issuedAt) {
    }

    /** @return false when the participant has a feed already (theirs is kept) */
    boolean insertIfAbsent(String participant, String businessId, String tokenHash, Instant issuedAt);

    /** Sets the business whose meetings the participant's feed lists (its token stays the same). */
    void recordBusiness(String participant, String businessId);

    Optional<Feed> ofParticipant(String participant);

    Optional<Feed> byTokenHash(String tokenHash);

    /** @return whether there was one */
    boolean delete(String participant);
}
