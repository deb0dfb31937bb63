package org.urbancooperation.matching.match.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.domain.RuleViolationException;

/**
 * Two businesses brought together about their opportunities: proposed by the matching engine (with its score and
 * reasons), or requested by one of them as an expression of interest with a message (the requester has accepted by
 * asking). Pending until both accept (CONFIRMED: from then on each sees the other's contacts), either declines, it
 * expires unanswered at {@code expiresAt}, or an operator withdraws it. After meeting, each side of a confirmed match
 * reports an outcome once; when both report an agreement, it is an agreement reached. Immutable: each command returns
 * the new state and its events.
 *
 * @param first the requester of an expression of interest; for a proposal, the opportunity proposed candidates for
 * @param matchingEventId the matching event it belongs to; null for a match outside any
 * @param score the engine's score of a proposal; null for an expression of interest
 * @param reasons the engine's reasons in words; empty for an expression of interest
 * @param message the requester's message; null for a proposal, and once an operator withdrew the match
 * @param partnershipIds the partnerships a confirmed match counts for; empty until confirmed
 * @param capPlace which of its requester's places for pending expressions of interest (0 up to the cap) this one
 *        holds while it is pending; null for a proposal and once it is answered, which frees the place in the same
 *        write (the store keeps places unique per requester, so concurrent requests never exceed the cap)
 */
public record Match(
        UUID id,
        MatchOrigin origin,
        MatchSide first,
        MatchSide second,
        UUID matchingEventId,
        Double score,
        List<String> reasons,
        String message,
        MatchStatus status,
        Instant createdAt,
        Instant expiresAt,
        String declinedBy,
        String declineReason,
        String withdrawalReason,
        List<UUID> partnershipIds,
        Integer capPlace) {

    public static final int MAX_MESSAGE = 2000;
    public static final int MAX_REASON = 500;
    public static final int MAX_REASONS = 20;
    public static final int MAX_REASON_TEXT = 300;

    public Match {
        Require.present("id", id);
        Require.present("origin", origin);
        Require.present("first", first);
        Require.present("second", second);
        if (first.businessId().equals(second.businessId())) {
            throw new InvalidValueException("businessId", "a business is not matched with itself");
        }
        reasons = List.copyOf(Require.present("reasons", reasons));
        Require.present("status", status);
        createdAt = Require.present("createdAt", createdAt).truncatedTo(ChronoUnit.MILLIS);
        expiresAt = Require.present("expiresAt", expiresAt).truncatedTo(ChronoUnit.MILLIS);
        partnershipIds = List.copyOf(Require.present("partnershipIds", partnershipIds));
        if (capPlace != null && (capPlace < 0 || origin != MatchOrigin.EXPRESSION_OF_INTEREST)) {
            throw new IllegalArgumentException("a place under the cap belongs to an expression of interest: " + id);
        }
        if (status != MatchStatus.PENDING) {
            capPlace = null;
        }
    }

    /** The engine proposes {@code candidate} for {@code subject}; both sides still have to accept. */
    public static ResultWithEvents<Match, MatchEvent> propose(UUID id, MatchSide subject, MatchSide candidate,
            UUID matchingEventId, double score, List<String> reasons, Instant now, Duration expiry) {
        if (Double.isNaN(score) || score < 0) {
            throw new InvalidValueException("score", "score must be a number of at least 0");
        }
        List<String> checkedReasons = Require.each("reasons", Require.size("reasons", reasons, 0, MAX_REASONS),
                (path, r) -> Require.visibleText(path, r, MAX_REASON_TEXT));
        Match proposed = new Match(id, MatchOrigin.SYSTEM_PROPOSAL, subject, candidate, matchingEventId, score,
                checkedReasons, null, MatchStatus.PENDING, now, now.plus(expiry), null, null, null, List.of(), null);
        return ResultWithEvents.of(proposed, new MatchEvent.Proposed(proposed));
    }

    /**
     * {@code requester} asks {@code addressee} to meet, with a message; asking is its acceptance, so the addressee's
     * acceptance confirms. It holds {@code capPlace} among the requester's pending expressions of interest.
     */
    public static ResultWithEvents<Match, MatchEvent> expressInterest(UUID id, MatchSide requester,
            MatchSide addressee, UUID matchingEventId, String message, Instant now, Duration expiry, int capPlace) {
        String checkedMessage = Require.multilineText("message", message, MAX_MESSAGE);
        Match requested = new Match(id, MatchOrigin.EXPRESSION_OF_INTEREST, requester.accepted(now), addressee,
                matchingEventId, null, List.of(), checkedMessage, MatchStatus.PENDING, now, now.plus(expiry), null,
                null, null, List.of(), capPlace);
        return ResultWithEvents.of(requested, new MatchEvent.InterestExpressed(requested));
    }

    /**
     * One side accepts; the second acceptance confirms the match. Accepting again changes nothing.
     *
     * @param partnershipIds what the match counts for, should this acceptance confirm it
     */
    public ResultWithEvents<Match, MatchEvent> accept(String businessId, Instant now, List<UUID> partnershipIds) {
        MatchSide side = sideOf(businessId);
        if (status == MatchStatus.CONFIRMED && side.hasAccepted()) {
            return ResultWithEvents.of(this);
        }
        requirePending("accepted");
        if (!now.isBefore(expiresAt)) {
            throw new RuleViolationException("This match expired at " + expiresAt + "; it is no longer accepted");
        }
        Match accepted = withSide(businessId, side.accepted(now));
        if (!accepted.first.hasAccepted() || !accepted.second.hasAccepted()) {
            return ResultWithEvents.of(accepted);
        }
        Match confirmed = accepted.with(MatchStatus.CONFIRMED, null, null, withdrawalReason, message, partnershipIds);
        return ResultWithEvents.of(confirmed, new MatchEvent.Confirmed(confirmed));
    }

    /** Either side declines a pending match, with an optional reason; declining again changes nothing. */
    public ResultWithEvents<Match, MatchEvent> decline(String businessId, String reason) {
        sideOf(businessId);
        String checkedReason = reason == null ? null : Require.multilineText("reason", reason, MAX_REASON);
        if (status == MatchStatus.DECLINED && businessId.equals(declinedBy)) {
            return ResultWithEvents.of(this);
        }
        requirePending("declined");
        Match declined = with(MatchStatus.DECLINED, businessId, checkedReason, withdrawalReason, message,
                partnershipIds);
        return ResultWithEvents.of(declined, new MatchEvent.Declined(declined));
    }

    /** Expires a pending match whose time has come; anything else is left as it is. */
    public ResultWithEvents<Match, MatchEvent> expireIfDue(Instant now) {
        if (status != MatchStatus.PENDING || now.isBefore(expiresAt)) {
            return ResultWithEvents.of(this);
        }
        Match expired = with(MatchStatus.EXPIRED, null, null, withdrawalReason, message, partnershipIds);
        return ResultWithEvents.of(expired, new MatchEvent.Expired(expired));
    }

    /**
     * A pending match lapses when one of its opportunities is no longer published (withdrawn or expired): nobody can
     * accept a match about an offer that is gone. It ends as EXPIRED, like a match nobody answered in time.
     */
    public ResultWithEvents<Match, MatchEvent> lapseWithout(UUID opportunityId) {
        if (status != MatchStatus.PENDING || !concerns(opportunityId)) {
            return ResultWithEvents.of(this);
        }
        Match expired = with(MatchStatus.EXPIRED, null, null, withdrawalReason, message, partnershipIds);
        return ResultWithEvents.of(expired, new MatchEvent.Expired(expired));
    }

    /** Whether {@code opportunityId} is one of the two sides' opportunities. */
    public boolean concerns(UUID opportunityId) {
        return opportunityId.equals(first.opportunityId()) || opportunityId.equals(second.opportunityId());
    }

    /** An operator takes a match and its message down (abusive content), with a reason; it cannot be undone. */
    public ResultWithEvents<Match, MatchEvent> withdraw(String reason) {
        // An operator takes content down only with a reason the two businesses can read.
        String checkedReason = Require.multilineText("reason", Require.present("reason", reason), MAX_REASON);
        if (status == MatchStatus.WITHDRAWN) {
            return ResultWithEvents.of(this);
        }
        return ResultWithEvents.of(with(MatchStatus.WITHDRAWN, declinedBy, declineReason, checkedReason, null,
                partnershipIds));
    }

    /**
     * One side of a confirmed match reports how it went, once. When both have reported an agreement, the agreement
     * is reached (raised once: each side reports only once).
     */
    public ResultWithEvents<Match, MatchEvent> reportOutcome(String businessId, Outcome outcome) {
        MatchSide side = sideOf(businessId);
        Require.present("body", outcome);
        if (status != MatchStatus.CONFIRMED) {
            throw new RuleViolationException("An outcome is reported for a CONFIRMED match; this one is " + status);
        }
        if (side.outcome() != null) {
            throw new RuleViolationException(businessId + " reported the outcome of this match already");
        }
        Match reported = withSide(businessId, side.reported(outcome));
        boolean bothAgreed = reported.first.outcome() != null && reported.first.outcome().agreementReached()
                && reported.second.outcome() != null && reported.second.outcome().agreementReached();
        return bothAgreed ? ResultWithEvents.of(reported, new MatchEvent.AgreementReached(reported))
                : ResultWithEvents.of(reported);
    }

    public boolean involves(String businessId) {
        return first.businessId().equals(businessId) || second.businessId().equals(businessId);
    }

    public Optional<MatchSide> side(String businessId) {
        return first.businessId().equals(businessId) ? Optional.of(first)
                : second.businessId().equals(businessId) ? Optional.of(second) : Optional.empty();
    }

    /** The other side of {@code businessId}'s. */
    public MatchSide otherSide(String businessId) {
        return first.businessId().equals(businessId) ? second : first;
    }

    /**
     * How much this match's meeting counts when a schedule cannot place them all (higher first): one that a business
     * asked for by name comes before the engine's proposals, and those come in the order of their scores (0 to 100).
     */
    public int schedulingPriority() {
        return origin == MatchOrigin.EXPRESSION_OF_INTEREST ? 101 : (int) Math.round(score == null ? 0 : score);
    }

    public boolean isConfirmed() {
        return status == MatchStatus.CONFIRMED;
    }

    private MatchSide sideOf(String businessId) {
        return side(businessId).orElseThrow(() -> new IllegalArgumentException(businessId + " is no side of " + id));
    }

    private void requirePending(String what) {
        if (status != MatchStatus.PENDING) {
            throw new RuleViolationException("Only a PENDING match is " + what + "; this one is " + status);
        }
    }

    private Match withSide(String businessId, MatchSide changed) {
        boolean isFirst = first.businessId().equals(businessId);
        return new Match(id, origin, isFirst ? changed : first, isFirst ? second : changed, matchingEventId, score,
                reasons, message, status, createdAt, expiresAt, declinedBy, declineReason, withdrawalReason,
                partnershipIds, capPlace);
    }

    private Match with(MatchStatus newStatus, String newDeclinedBy, String newDeclineReason,
            String newWithdrawalReason, String newMessage, List<UUID> newPartnershipIds) {
        return new Match(id, origin, first, second, matchingEventId, score, reasons, newMessage, newStatus, createdAt,
                expiresAt, newDeclinedBy, newDeclineReason, newWithdrawalReason,
                Objects.requireNonNullElse(newPartnershipIds, List.of()), capPlace);
    }

    /**
     * The one match of a pair: two opportunities in either order, or a business's profile and an opportunity. A
     * deterministic id, so proposing a pair again finds the match there is, and no pair is matched twice.
     */
    public static UUID idOfPair(String firstKey, String secondKey) {
        String key = firstKey.compareTo(secondKey) <= 0 ? firstKey + "|" + secondKey : secondKey + "|" + firstKey;
        return UUID.nameUUIDFromBytes(("match|" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The pair key of a side: its opportunity, or its business's profile when it has none. */
    public static String pairKey(MatchSide side) {
        return side.opportunityId() != null ? opportunityKey(side.opportunityId()) : "business:" + side.businessId();
    }

    /** The id of the one match of two opportunities, in either order. */
    public static UUID idOfOpportunities(UUID opportunityId, UUID otherOpportunityId) {
        return idOfPair(opportunityKey(opportunityId), opportunityKey(otherOpportunityId));
    }

    private static String opportunityKey(UUID opportunityId) {
        return "opportunity:" + opportunityId;
    }
}
